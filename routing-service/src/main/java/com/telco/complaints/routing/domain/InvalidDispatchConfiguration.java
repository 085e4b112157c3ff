package com.telco.complaints.routing.domain;

/** The dispatch configuration names something that does not exist; the service refuses to start. */
public class InvalidDispatchConfiguration extends RuntimeException {
    public InvalidDispatchConfiguration(String message) {
        super(message);
    }
}
