package com.telco.complaints.deploy.suite;

/** The suite could not be started or did not become ready; the message says which service and why. */
public class SuiteException extends RuntimeException {

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
