package com.telco.complaints.intake.domain;

import com.telco.complaints.contracts.event.Urgency;

import java.time.Duration;
import java.time.Instant;

/**
 * The reply time promised to the customer at registration (seed 000: "promise a reply time";
 * seed 001: the result within 48 h). This is intake's promise to the customer, not an SLA clock:
 * the SLA service alone owns deadlines and announces them in SlaClockStarted.
 */
public record ReplyPromise(Duration normal, Duration urgent) {

    public Instant replyBy(Instant registeredAt, Urgency urgency) {
        return registeredAt.plus(urgency == Urgency.URGENT ? urgent : normal);
    }
}
