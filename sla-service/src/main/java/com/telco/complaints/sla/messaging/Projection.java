package com.telco.complaints.sla.messaging;

import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.log.NotApplied;
import com.telco.complaints.eventing.log.EventHandler;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.rebuild.RebuildLane;
import com.telco.complaints.eventing.store.AfterCommit;
import com.telco.complaints.sla.config.SlaConfig;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.domain.SlaEvents;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.domain.TrackedClock;
import com.telco.complaints.sla.store.ClockStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sla's handler of {@code complaint-events}: every event starts, stops or marks the clocks of its
 * case (the service's own announcements, warnings and breaches included, so a replay of the same
 * log raises nothing again), the clocks started on partitions that are deciding are announced, and
 * the deadline watch raises due warnings and breaches. Every emission goes to the outbox in the
 * transaction that marks it in the clock, so nothing is raised twice.
 */
@ApplicationScoped
public class Projection implements EventHandler {

    @Inject
    ClockStore clocks;
    @Inject
    Outbox outbox;
    @Inject
    SlaPolicies policies;
    @Inject
    CalendarBook calendars;
    @Inject
    AfterCommit afterCommit;
    @Inject
    WatchAlarm alarm;
    @Inject
    SlaConfig config;
    @Inject
    NotApplied notApplied;
    @Inject
    MeterRegistry meters;

    @Override
    public void apply(List<Delivered> delivered, Applying applying) {
        // One calendar for the batch, taken before any case is locked (the first batch may wait for the topic).
        BusinessCalendar calendar = calendars.current();
        Map<String, SlaCase> cases = new LinkedHashMap<>(
                clocks.lock(delivered.stream().map(d -> d.event().complaintId()).distinct().toList()));
        Map<String, SlaCase> changed = new LinkedHashMap<>();
        for (Delivered d : delivered) {
            ComplaintEvent event = d.event();
            SlaCase sla = cases.computeIfAbsent(event.complaintId(), id -> SlaCase.empty(id, d.partition()));
            SlaCase.Outcome outcome = sla.apply(event, policies, calendar);
            if (outcome.rejection() != null) {
                notApplied.record(d, outcome.rejection());
                continue;
            }
            changed.put(sla.complaintId(), sla);
        }
        List<ComplaintEvent> announcements = new ArrayList<>();
        for (SlaCase sla : changed.values()) {
            if (applying.deciding(sla.partition())) {
                announce(sla, announcements);
            }
        }
        outbox.appendAll(announcements);
        clocks.save(changed.values());
    }

    /** Announces the clocks never announced on the given partitions (all when null): after a replay caught up. */
    @Override
    public int reconcile(Collection<Integer> partitions, Applying applying) {
        List<String> ids = clocks.unannounced(partitions);
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, SlaCase> cases = clocks.lock(ids);
        List<ComplaintEvent> announcements = new ArrayList<>();
        for (SlaCase sla : cases.values()) {
            announce(sla, announcements);
        }
        outbox.appendAll(announcements);
        clocks.save(cases.values());
        return announcements.size();
    }

    /** A rebuild lane folds its cases in memory and writes them with COPY, each as soon as it is closed. */
    @Override
    public RebuildLane<Delivered> rebuildLane() {
        return new ReplayLane(clocks, policies, calendars.current(), meters);
    }

    /**
     * Raises the warnings and breaches due at {@code now} (after the grace period) of these cases,
     * each with its true time (the warning point, the deadline), in the caller's transaction.
     * Returns how many.
     */
    public int raiseDue(Collection<String> complaintIds, Instant now, Duration grace) {
        BusinessCalendar calendar = calendars.current();
        Map<String, SlaCase> cases = clocks.lock(complaintIds);
        List<ComplaintEvent> raised = new ArrayList<>();
        for (SlaCase sla : cases.values()) {
            for (TrackedClock clock : List.copyOf(sla.clocks())) {
                String kind = clock.clock().name();
                if (clock.warningDue(now, grace)) {
                    raised.add(SlaEvents.warning(sla.complaintId(), clock));
                    clock.markWarned();
                    afterCommit.run(() -> meters.counter("sla.warnings", "clock", kind).increment());
                }
                if (clock.breachDue(now, grace)) {
                    SlaBreached breach = SlaEvents.breach(sla.complaintId(), clock);
                    raised.add(breach);
                    clock.markBreached();
                    afterCommit.run(() -> meters.counter("sla.breaches", "clock", kind).increment());
                    // A breach may start a clock (the ANSWER deadline starts PROGRESS): announced right after it.
                    if (sla.afterBreach(clock, breach.eventId(), policies, calendar) != null) {
                        announce(sla, raised);
                    }
                }
            }
        }
        outbox.appendAll(raised);
        clocks.save(cases.values());
        return raised.size();
    }

    /** Announces the clocks of {@code sla} not announced yet, adding their SlaClockStarted to {@code out}. */
    private void announce(SlaCase sla, List<ComplaintEvent> out) {
        for (TrackedClock clock : sla.clocks()) {
            if (!clock.announced()) {
                out.add(SlaEvents.started(sla.complaintId(), clock));
                clock.markAnnounced();
                String kind = clock.clock().name();
                Instant due = clock.warnAt() != null ? clock.warnAt() : clock.deadline();
                afterCommit.run(() -> {
                    meters.counter("sla.clocks.started", "clock", kind).increment();
                    alarm.ring(due.plus(config.watch().grace()));
                });
            }
        }
    }
}
