package com.telco.complaints.intake.rest;

/** The body is not well-formed JSON; the message says where it broke. */
public class MalformedJson extends RuntimeException {
    public MalformedJson(String message) {
        super(message);
    }
}
