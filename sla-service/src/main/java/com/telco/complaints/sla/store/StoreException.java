package com.telco.complaints.sla.store;

/** The database failed; the caller's transaction rolls back and nothing is half-done. */
public class StoreException extends RuntimeException {
    public StoreException(String doing, Throwable cause) {
        super(doing + " failed: " + cause.getMessage(), cause);
    }
}
