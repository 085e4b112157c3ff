package com.telco.complaints.routing.domain;

/** Work order ids are the complaint number and the attempt, e.g. {@code 20261125-00000042-W2}. */
public final class WorkOrderIds {

    private WorkOrderIds() {}

    public static String of(String complaintId, int attempt) {
        return complaintId + "-W" + attempt;
    }
}
