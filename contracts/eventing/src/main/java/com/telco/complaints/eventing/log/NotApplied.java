package com.telco.complaints.eventing.log;

import com.telco.complaints.contracts.lifecycle.Rejection;
import com.telco.complaints.contracts.wire.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * An event of the log that a service's case fold refused (it does not fit the case as it stands):
 * counted by reason ({@code events_rejected_total}) and logged with where it is on the log. The
 * consumer goes on; the event stays on the log for whoever wants to look.
 */
@ApplicationScoped
public class NotApplied {

    private static final Logger LOG = Logger.getLogger(NotApplied.class);

    @Inject
    MeterRegistry meters;

    public void record(Delivered delivered, Rejection rejection) {
        meters.counter("events.rejected", "reason", rejection.reason().name()).increment();
        LOG.warnf("not applied: %s %s at %s: %s", EventType.of(delivered.event()).eventName(),
                delivered.event().eventId(), delivered.where(), rejection);
    }
}
