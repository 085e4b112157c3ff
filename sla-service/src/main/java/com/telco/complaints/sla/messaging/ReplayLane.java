package com.telco.complaints.sla.messaging;

import com.telco.complaints.eventing.log.Delivered;
import com.telco.complaints.eventing.rebuild.RebuildLane;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.SlaCase;
import com.telco.complaints.sla.domain.SlaPolicies;
import com.telco.complaints.sla.store.ClockStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lane of sla's replay: folds its cases in memory, with no database round trip per event, and
 * writes them with COPY. A case is written as soon as it is closed (in spills of a few thousand) and
 * forgotten but for its id, so the heap holds the open cases and the ids, not the whole log. An event
 * that comes for a case already written (rare: a warning raised just as the case closed) is kept and
 * applied at the end to the case read back from the shadow tables, in log order.
 */
final class ReplayLane implements RebuildLane<Delivered> {

    private final ClockStore clocks;
    private final SlaPolicies policies;
    private final BusinessCalendar calendar;
    private final MeterRegistry meters;

    /** The cases held, open or closed since the last spill. */
    private final Map<String, SlaCase> cases = new HashMap<>();
    /** Closed cases held, not written yet. */
    private final Set<String> closed = new LinkedHashSet<>();
    /** Cases written and forgotten: a later event of theirs waits in {@link #late}. */
    private final Set<String> written = new HashSet<>();
    private final List<Delivered> late = new ArrayList<>();
    /** Closed cases being written by a spill that has not committed yet. */
    private List<SlaCase> spilling = List.of();
    private long count;
    private boolean finished;

    ReplayLane(ClockStore clocks, SlaPolicies policies, BusinessCalendar calendar, MeterRegistry meters) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendar = calendar;
        this.meters = meters;
    }

    @Override
    public void fold(Delivered d) {
        String id = d.event().complaintId();
        if (written.contains(id)) {
            late.add(d);
            return;
        }
        SlaCase sla = cases.computeIfAbsent(id, key -> SlaCase.empty(key, d.partition()));
        apply(sla, d);
        if (sla.closedAt() != null) {
            closed.add(id);
        }
    }

    @Override
    public int spillable() {
        return closed.size();
    }

    @Override
    public void spill() {
        spilling = closed.stream().map(cases::get).toList();
        clocks.copy(spilling);
    }

    @Override
    public void write() {
        finished = true;
        clocks.copy(cases.values());
        if (!late.isEmpty()) {
            Map<String, SlaCase> readBack = new LinkedHashMap<>(clocks.lock(late.stream()
                    .map(d -> d.event().complaintId()).distinct().toList()));
            for (Delivered d : late) {
                apply(readBack.computeIfAbsent(d.event().complaintId(), key -> SlaCase.empty(key, d.partition())), d);
            }
            clocks.save(readBack.values());
        }
    }

    @Override
    public void committed() {
        if (finished) {
            count += cases.size();
            cases.clear();
            closed.clear();
            written.clear();
            late.clear();
            return;
        }
        for (SlaCase sla : spilling) {
            cases.remove(sla.complaintId());
            closed.remove(sla.complaintId());
            written.add(sla.complaintId());
        }
        count += spilling.size();
        spilling = List.of();
    }

    /** The cases held while replaying; once written, all the lane wrote. */
    @Override
    public long size() {
        return finished && cases.isEmpty() ? count : cases.size();
    }

    private void apply(SlaCase sla, Delivered d) {
        SlaCase.Outcome outcome = sla.apply(d.event(), policies, calendar);
        if (outcome.rejection() != null) {
            meters.counter("events.rejected", "reason", outcome.rejection().reason().name()).increment();
        }
    }
}
