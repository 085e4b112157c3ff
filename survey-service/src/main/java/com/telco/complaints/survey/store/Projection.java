package com.telco.complaints.survey.store;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.EventType;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies records of {@code complaint-events} to survey's projection, in the caller's transaction:
 * skip what was applied already (offsets and event ids), fold each event into its case with the
 * contracts' state machine (an event that does not fit is counted, logged with its offset, and
 * skipped), then write the cases and their survey tasks with the new offsets. Survey decides
 * nothing while consuming: its decisions are answers, taken over REST.
 */
@ApplicationScoped
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** One record of the log, as the projection needs it. */
    public record LogRecord(int partition, long offset, String ceType, byte[] value) {}

    /** What a batch did: events applied, and survey tasks opened by them. */
    public record Applied(int events, int tasksOpened) {}

    /** Which tables a batch goes to. */
    public enum Target { LIVE, SHADOW }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LogPosition position;
    @Inject
    CaseStore cases;
    @Inject
    SurveyTaskStore tasks;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String liveSchema;

    private final EventCodec codec = EventCodec.standard();

    /** Applies {@code records} (in log order). */
    public Applied apply(List<LogRecord> records, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        Set<Integer> partitions = new HashSet<>();
        records.forEach(r -> partitions.add(r.partition()));
        Map<Integer, Long> next = position.lock(partitions);

        Map<Integer, Long> advanced = new HashMap<>();
        List<ComplaintEvent> events = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (LogRecord record : records) {
            Long expected = next.get(record.partition());
            if (expected != null && record.offset() < expected) {
                continue; // applied before this delivery
            }
            advanced.merge(record.partition(), record.offset() + 1, Math::max);
            try {
                events.add(codec.fromJson(record.ceType(), record.value()));
                origins.add("partition " + record.partition() + " offset " + record.offset());
            } catch (EventDecodingException e) {
                meters.counter("events.unreadable").increment();
                LOG.warnf("skipped unreadable record at partition %d offset %d: %s", record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        CaseChanges changes = fold(events, origins);
        save(changes);
        position.save(advanced);
        return new Applied(changes.eventsApplied(), changes.tasksOpened());
    }

    /**
     * Applies events this service decided and committed that may not be on the log yet (the
     * outbox, at the end of a rebuild); those already applied are skipped by their ids.
     */
    public void applyDecided(List<ComplaintEvent> events, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        save(fold(events, events.stream().map(e -> "the outbox").toList()));
    }

    private CaseChanges fold(List<ComplaintEvent> events, List<String> origins) {
        Set<UUID> fresh = position.markProcessed(events.stream().map(ComplaintEvent::eventId).toList());
        Map<String, CaseState> loaded = cases.lock(events.stream().map(ComplaintEvent::complaintId).distinct().toList());
        CaseChanges changes = new CaseChanges();
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent event = events.get(i);
            if (!fresh.remove(event.eventId())) {
                meters.counter("events.duplicates").increment();
                continue;
            }
            CaseState state = changes.current(event.complaintId(), loaded.get(event.complaintId()));
            Transition transition = CaseFold.apply(state, event);
            if (transition instanceof Transition.Rejected rejected) {
                meters.counter("events.rejected", "reason", rejected.rejection().reason().name()).increment();
                LOG.warnf("not applied: %s %s at %s: %s", EventType.of(event).eventName(), event.eventId(),
                        origins.get(i), rejected.rejection());
                continue;
            }
            changes.applied(event, transition.state());
        }
        return changes;
    }

    /** Writes cases and their survey tasks as they now stand, with what the events left on the tasks. */
    public void save(CaseChanges changes) {
        cases.save(changes.cases());
        tasks.project(changes.cases());
        tasks.saveReturns(changes.returns());
        tasks.saveAnswers(changes.answers());
    }

    /** The schema the live tables are in. */
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
