package com.telco.complaints.sla.store;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.domain.SlaEvents;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.domain.TrackedClock;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Keeps sla's clocks in step with complaint-events, in the caller's transaction: apply a batch of
 * records (skipping what the offsets say was applied), announce the clocks it started on partitions
 * that are deciding, and raise due warnings and breaches. Every emission goes to the outbox in the
 * transaction that marks it in the clock, so nothing is raised twice.
 */
@ApplicationScoped
public class ClockProjection {

    private static final Logger LOG = Logger.getLogger(ClockProjection.class);

    /** One record of the log, as the projection needs it. */
    public record LogRecord(int partition, long offset, String ceType, byte[] value) {}

    public enum Target { LIVE, SHADOW }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LogPosition position;
    @Inject
    ClockStore clocks;
    @Inject
    Outbox outbox;
    @Inject
    SlaPolicies policies;
    @Inject
    BusinessCalendar calendar;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String liveSchema;

    private final EventCodec codec = EventCodec.standard();

    /** Applies {@code records} in log order; announces the clocks started on partitions where {@code deciding} holds. */
    public int apply(List<LogRecord> records, IntPredicate deciding, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        Set<Integer> partitions = new HashSet<>();
        records.forEach(r -> partitions.add(r.partition()));
        Map<Integer, Long> next = position.lock(partitions);

        Map<Integer, Long> advanced = new HashMap<>();
        List<ComplaintEvent> events = new ArrayList<>();
        List<LogRecord> origins = new ArrayList<>();
        for (LogRecord record : records) {
            Long expected = next.get(record.partition());
            if (expected != null && record.offset() < expected) {
                continue;
            }
            advanced.merge(record.partition(), record.offset() + 1, Math::max);
            try {
                events.add(codec.fromJson(record.ceType(), record.value()));
                origins.add(record);
            } catch (EventDecodingException e) {
                meters.counter("events.unreadable").increment();
                LOG.warnf("skipped unreadable record at partition %d offset %d: %s", record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        Map<String, SlaCase> cases = new LinkedHashMap<>(
                clocks.lock(events.stream().map(ComplaintEvent::complaintId).distinct().toList()));
        Map<String, SlaCase> changed = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent event = events.get(i);
            LogRecord origin = origins.get(i);
            SlaCase sla = cases.computeIfAbsent(event.complaintId(), id -> SlaCase.empty(id, origin.partition()));
            SlaCase.Outcome outcome = sla.apply(event, policies, calendar);
            if (outcome.rejection() != null) {
                meters.counter("events.rejected", "reason", outcome.rejection().reason().name()).increment();
                LOG.warnf("not applied: %s %s at partition %d offset %d: %s", EventType.of(event).eventName(),
                        event.eventId(), origin.partition(), origin.offset(), outcome.rejection());
                continue;
            }
            changed.put(sla.complaintId(), sla);
        }
        for (SlaCase sla : changed.values()) {
            if (deciding.test(sla.partition())) {
                announce(sla);
            }
        }
        clocks.save(changed.values());
        position.save(advanced);
        return events.size();
    }

    /**
     * Applies sla's own events that are committed but still in the outbox (not yet on the log), so
     * that replayed clocks know every announcement, warning and breach already made.
     */
    public int applyUndelivered(List<ComplaintEvent> events, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        Map<String, SlaCase> cases = clocks.lock(events.stream().map(ComplaintEvent::complaintId).distinct().toList());
        for (ComplaintEvent event : events) {
            SlaCase sla = cases.get(event.complaintId());
            if (sla != null) {
                sla.apply(event, policies, calendar);
            }
        }
        clocks.save(cases.values());
        return cases.size();
    }

    /** Announces the clocks never announced on the given partitions (all when null): after a replay caught up. */
    public int reconcile(Collection<Integer> partitions) {
        List<String> ids = clocks.unannounced(partitions);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, SlaCase> cases = clocks.lock(ids);
        int announced = 0;
        for (SlaCase sla : cases.values()) {
            announced += announce(sla);
        }
        clocks.save(cases.values());
        return announced;
    }

    /**
     * Raises the warnings and breaches due at {@code now} (after the grace period) on the given
     * partitions, each with its true time (the warning point, the deadline). Returns how many.
     */
    public int raiseDue(Collection<Integer> partitions, Instant now, Duration grace, int limit) {
        List<String> ids = clocks.due(partitions, now.minus(grace), limit);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, SlaCase> cases = clocks.lock(ids);
        int raised = 0;
        for (SlaCase sla : cases.values()) {
            for (TrackedClock clock : sla.clocks()) {
                if (clock.warningDue(now, grace)) {
                    outbox.append(SlaEvents.warning(sla.complaintId(), clock));
                    clock.markWarned();
                    meters.counter("sla.warnings", "clock", clock.clock().name()).increment();
                    raised++;
                }
                if (clock.breachDue(now, grace)) {
                    outbox.append(SlaEvents.breach(sla.complaintId(), clock));
                    clock.markBreached();
                    meters.counter("sla.breaches", "clock", clock.clock().name()).increment();
                    raised++;
                }
            }
        }
        clocks.save(cases.values());
        return raised;
    }

    private int announce(SlaCase sla) {
        int announced = 0;
        for (TrackedClock clock : sla.clocks()) {
            if (!clock.announced()) {
                outbox.append(SlaEvents.started(sla.complaintId(), clock));
                clock.markAnnounced();
                meters.counter("sla.clocks.started", "clock", clock.clock().name()).increment();
                announced++;
            }
        }
        return announced;
    }

    public String liveSchema() {
        return liveSchema;
    }

    private void useShadow() {
        try (Connection c = dataSource.getConnection()) {
            Shadow.use(c, liveSchema);
        } catch (SQLException e) {
            throw new StoreException("switching to the shadow tables", e);
        }
    }
}
