package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.ComplaintEvent;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** One case of the domain tests, folded from events that must all apply. */
final class Cases {

    static final String ID = "C-1";
    static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    private Cases() {}

    static CaseRecord fold(ComplaintEvent... events) {
        CaseRecord record = CaseRecord.initial(ID);
        for (ComplaintEvent e : events) {
            CaseRecord.Step step = record.apply(e);
            assertThat(step.applied()).as("%s applied: %s", e, step.rejection()).isTrue();
            record = step.record();
        }
        return record;
    }

    /** {@code minutes} after {@link #T}. */
    static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }
}
