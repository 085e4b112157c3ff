package com.telco.complaints.contracts.wire;

/**
 * The record is of a version newer than this code knows (written by an upgraded service). It is
 * not wrong, only early: a consumer keeps it aside and reads it again after its own upgrade.
 */
public class NewerEventVersionException extends UnknownEventTypeException {
    public NewerEventVersionException(String message) {
        super(message);
    }
}
