package com.telco.complaints.routing.store;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.Transition;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventDecodingException;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.routing.domain.DispatchRules;
import com.telco.complaints.routing.domain.RoutingDecisions;
import com.telco.complaints.routing.store.CaseStore.StoredCase;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * Applies records of {@code complaint-events} to routing's projection, in the caller's transaction:
 * skip what was applied already (offsets and event ids), fold each event into its case with the
 * contracts' state machine (an event that does not fit is counted, logged with its offset, and
 * skipped), then decide what the changed cases are owed (dispatch, redispatch) and append those
 * events to the outbox, all in one commit with the new offsets.
 */
@ApplicationScoped
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** One record of the log, as the projection needs it. */
    public record LogRecord(int partition, long offset, String ceType, byte[] value) {}

    /** Which tables a batch goes to. */
    public enum Target { LIVE, SHADOW }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LogPosition position;
    @Inject
    CaseStore cases;
    @Inject
    WorkOrderStore workOrders;
    @Inject
    Outbox outbox;
    @Inject
    DispatchRules rules;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.flyway.default-schema")
    String liveSchema;

    private final EventCodec codec = EventCodec.standard();

    /**
     * Applies {@code records} (in log order) and decides for the changed cases on partitions where
     * {@code deciding} holds. Returns the number of events applied.
     */
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
                continue; // applied before this delivery
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
        Set<UUID> fresh = position.markProcessed(events.stream().map(ComplaintEvent::eventId).toList());
        Map<String, StoredCase> loaded = cases.lock(events.stream().map(ComplaintEvent::complaintId).distinct().toList());

        Map<String, StoredCase> changed = new LinkedHashMap<>();
        List<Returned> returns = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent event = events.get(i);
            LogRecord origin = origins.get(i);
            if (!fresh.remove(event.eventId())) {
                meters.counter("events.duplicates").increment();
                continue;
            }
            StoredCase current = changed.getOrDefault(event.complaintId(), loaded.get(event.complaintId()));
            CaseState state = current == null ? CaseState.initial(event.complaintId()) : current.state();
            Transition transition = CaseFold.apply(state, event);
            if (transition instanceof Transition.Rejected rejected) {
                meters.counter("events.rejected", "reason", rejected.rejection().reason().name()).increment();
                LOG.warnf("not applied: %s %s at partition %d offset %d: %s", EventType.of(event).eventName(),
                        event.eventId(), origin.partition(), origin.offset(), rejected.rejection());
                continue;
            }
            changed.put(event.complaintId(), new StoredCase(transition.state(), origin.partition()));
            if (event instanceof Returned returned) {
                returns.add(returned);
            }
            applied++;
        }
        List<String> owed = changed.values().stream().filter(c -> deciding.test(c.partition()))
                .map(c -> c.state().complaintId()).toList();
        decide(owed, changed);
        save(changed.values(), returns);
        position.save(advanced);
        return applied;
    }

    /**
     * Applies routing's own events that are committed but still in the outbox (not yet on the log),
     * so that a rebuilt projection knows every decision and return already made.
     */
    public int applyUndelivered(List<ComplaintEvent> events, Target target) {
        if (target == Target.SHADOW) {
            useShadow();
        }
        Set<UUID> fresh = position.markProcessed(events.stream().map(ComplaintEvent::eventId).toList());
        Map<String, StoredCase> loaded = cases.lock(events.stream().map(ComplaintEvent::complaintId).distinct().toList());
        Map<String, StoredCase> changed = new LinkedHashMap<>();
        List<Returned> returns = new ArrayList<>();
        for (ComplaintEvent event : events) {
            StoredCase current = changed.getOrDefault(event.complaintId(), loaded.get(event.complaintId()));
            if (!fresh.remove(event.eventId()) || current == null) {
                continue;
            }
            Transition transition = CaseFold.apply(current.state(), event);
            if (transition.applied()) {
                changed.put(event.complaintId(), new StoredCase(transition.state(), current.partition()));
                if (event instanceof Returned returned) {
                    returns.add(returned);
                }
            }
        }
        save(changed.values(), returns);
        return changed.size();
    }

    /**
     * Decides for every case owed a decision on {@code partitions} (all when null): after a replay
     * caught up, or after a rebuild, when decisions held back during the replay are due.
     */
    public int reconcile(Collection<Integer> partitions) {
        List<String> owed = cases.pending(partitions);
        if (owed.isEmpty()) {
            return 0;
        }
        Map<String, StoredCase> changed = new LinkedHashMap<>(cases.lock(owed));
        int decided = decide(owed, changed);
        save(changed.values(), List.of());
        return decided;
    }

    /** Decides for {@code owed} among {@code changed}, appends the events to the outbox, updates {@code changed}. */
    private int decide(List<String> owed, Map<String, StoredCase> changed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int decided = 0;
        for (String complaintId : owed) {
            StoredCase stored = changed.get(complaintId);
            Optional<ComplaintEvent> decision = RoutingDecisions.decide(stored.state(), rules, now);
            if (decision.isEmpty()) {
                continue;
            }
            ComplaintEvent event = decision.get();
            Transition transition = CaseFold.apply(stored.state(), event);
            if (!transition.applied()) {
                throw new IllegalStateException("routing decided an event its own state rejects: " + transition);
            }
            position.markProcessed(List.of(event.eventId()));
            outbox.append(event);
            changed.put(complaintId, new StoredCase(transition.state(), stored.partition()));
            meters.counter("routing.decisions", "event", EventType.of(event).eventName()).increment();
            decided++;
        }
        return decided;
    }

    /** Writes cases and their work orders as they now stand. */
    public void save(Collection<StoredCase> changed, Collection<Returned> returns) {
        cases.save(changed);
        workOrders.project(changed.stream().map(StoredCase::state).toList());
        workOrders.saveResults(returns);
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
