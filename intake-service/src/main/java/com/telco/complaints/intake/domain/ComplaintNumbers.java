package com.telco.complaints.intake.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Complaint numbers: the registration date in the operator's time zone and a zero-padded number
 * from one database sequence, e.g. {@code 20261125-00004217}. Unique across instances and restarts
 * (the sequence), sortable by registration time (date first, then an ever-growing number), and
 * digits only, so that they are easy to read out on the phone. The complaint number is also the
 * complaint id everywhere in the suite.
 */
public final class ComplaintNumbers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ZoneId zone;

    public ComplaintNumbers(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant registeredAt, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + sequence);
        }
        String digits = Long.toString(sequence);
        StringBuilder number = new StringBuilder(17 + Math.max(0, digits.length() - 8));
        number.append(DATE.format(registeredAt.atZone(zone))).append('-');
        for (int i = digits.length(); i < 8; i++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }
}
