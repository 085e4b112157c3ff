package com.telco.complaints.contracts.wire;

/** A record on the log that cannot be read as an event: consumers count it, log it and move on. */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
