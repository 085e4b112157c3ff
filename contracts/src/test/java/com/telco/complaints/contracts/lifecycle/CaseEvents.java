package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.Samples;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Events of case {@value Samples#CASE} at hours after {@link Samples#T0}, for given/when/then fold tests. */
final class CaseEvents {

    static final String C = Samples.CASE;

    private CaseEvents() {}

    static Instant at(double hours) {
        return Samples.T0.plusSeconds((long) (hours * 3600));
    }

    static String wo(int attempt) {
        return "W-" + C + "-" + attempt;
    }

    static ComplaintRegistered registered() {
        return Samples.registered();
    }

    static Dispatched dispatched(int attempt, double hours) {
        return new Dispatched(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", wo(attempt), attempt,
                "network-ops", "rule");
    }

    static Returned returned(int attempt, double hours) {
        return new Returned(UUID.randomUUID(), C, at(hours), 1, null, "agent-1", wo(attempt), attempt, "network-ops",
                "r", "d", "p", "m", Resolution.RESOLVED, true, null, null);
    }

    static SurveyPassed passed(int attempt, double hours) {
        return new SurveyPassed(UUID.randomUUID(), C, at(hours), 1, null, "sv-1", wo(attempt), attempt);
    }

    static SurveyFailed failed(int attempt, double hours, boolean redispatch) {
        return new SurveyFailed(UUID.randomUUID(), C, at(hours), 1, null, "sv-1", wo(attempt), attempt,
                "still broken", redispatch, redispatch ? null : "explained", redispatch, null);
    }

    static CustomerUnreachable unreachable(int attempt, int count, double hours) {
        return new CustomerUnreachable(UUID.randomUUID(), C, at(hours), 1, null, "sv-1", wo(attempt), count);
    }

    static Redispatched redispatched(int attempt, double hours) {
        return new Redispatched(UUID.randomUUID(), C, at(hours), 1, null, "routing-service", wo(attempt),
                wo(attempt - 1), attempt, "network-ops-supervisor", "redispatch");
    }

    static ComplaintClosed closed(CloseOutcome outcome, double hours) {
        return new ComplaintClosed(UUID.randomUUID(), C, at(hours), 1, null, "sv-1", outcome, null, null);
    }

    /** A clock started at {@code hours} with a 10 h limit: warning at +8 h, deadline at +10 h. */
    static SlaClockStarted clockStarted(SlaClock clock, String dispatchId, double hours) {
        return new SlaClockStarted(UUID.randomUUID(), C, at(hours), 2, null, "sla-service", clock, dispatchId,
                at(hours), at(hours + 8), at(hours + 10),
                new SlaPolicyApplied("test", LimitKind.CALENDAR, Duration.ofHours(10), 0.8), null);
    }

    static SlaWarningRaised warning(SlaClockStarted started) {
        return new SlaWarningRaised(UUID.randomUUID(), C, started.warnAt(), 2, null, "sla-service", started.clock(),
                started.dispatchId(), started.warnAt(), started.deadline(), started.sequence());
    }

    static SlaBreached breach(SlaClockStarted started) {
        return new SlaBreached(UUID.randomUUID(), C, started.deadline(), 2, null, "sla-service", started.clock(),
                started.dispatchId(), started.deadline(), started.sequence());
    }
}
