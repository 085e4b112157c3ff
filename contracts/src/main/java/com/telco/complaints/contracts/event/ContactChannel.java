package com.telco.complaints.contracts.event;

/** How the customer was contacted. */
public enum ContactChannel {
    PHONE, SMS, EMAIL, IN_PERSON, LETTER;

    /** The message stays with the customer whether or not they were reached at that moment. */
    public boolean inWriting() {
        return this == SMS || this == EMAIL || this == LETTER;
    }
}
