package com.telco.complaints.contracts.event;

/** Where a complaint came in (DOMAIN.md §1). */
public enum Channel {
    HOTLINE, ONLINE, EMAIL, IN_PERSON, LETTER, SOCIAL_MEDIA,
    /** Transferred by the regulator (12300): always handled as urgent. */
    REGULATOR
}
