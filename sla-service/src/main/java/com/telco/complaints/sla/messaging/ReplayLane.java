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
 * writes them with COPY. A case is written as soon as it is closed with nothing left to watch (a billing dispute's
 * PROOF clock outlives closing) (in spills of a few thousand) and
 * forgotten but for a hash of its id, so the heap holds the open cases, not the whole log. An event
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
    /**
     * The cases written and forgotten, by a 64-bit hash of their id (a few bytes each rather than a
     * string): a later event of theirs waits in {@link #late}, and so does, harmlessly, the event of a
     * case whose hash merely collides (it is read back, not found, and folded from nothing).
     */
    private final LongSet written = new LongSet();
    /** Cases whose events wait in {@link #late}: every later event of theirs waits too, in log order. */
    private final Set<String> lateCases = new HashSet<>();
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
        if (lateCases.contains(id) || written.contains(hash(id))) {
            lateCases.add(id);
            late.add(d);
            return;
        }
        SlaCase sla = cases.computeIfAbsent(id, key -> SlaCase.empty(key, d.partition()));
        apply(sla, d);
        if (sla.settled()) {
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
            lateCases.clear();
            late.clear();
            return;
        }
        for (SlaCase sla : spilling) {
            cases.remove(sla.complaintId());
            closed.remove(sla.complaintId());
            written.add(hash(sla.complaintId()));
        }
        count += spilling.size();
        spilling = List.of();
    }

    /** The cases held while replaying; once written, all the lane wrote. */
    @Override
    public long size() {
        return finished && cases.isEmpty() ? count : cases.size();
    }

    /** A 64-bit hash of a complaint id (polynomial, then the SplitMix64 finaliser). */
    static long hash(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A set of longs in one array (open addressing, linear probing), for hashes that are never 0. */
    static final class LongSet {
        private long[] slots = new long[1024];
        private int size;

        boolean contains(long value) {
            long v = value == 0 ? 1 : value;
            for (int i = index(v, slots.length); ; i = (i + 1) & (slots.length - 1)) {
                if (slots[i] == v) {
                    return true;
                }
                if (slots[i] == 0) {
                    return false;
                }
            }
        }

        void add(long value) {
            if (size * 2 >= slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long v : old) {
                    if (v != 0) {
                        insert(v);
                    }
                }
            }
            insert(value == 0 ? 1 : value);
        }

        void clear() {
            slots = new long[1024];
            size = 0;
        }

        private void insert(long v) {
            for (int i = index(v, slots.length); ; i = (i + 1) & (slots.length - 1)) {
                if (slots[i] == v) {
                    return;
                }
                if (slots[i] == 0) {
                    slots[i] = v;
                    size++;
                    return;
                }
            }
        }

        private static int index(long v, int length) {
            return (int) (v ^ (v >>> 32)) & (length - 1);
        }
    }

    private void apply(SlaCase sla, Delivered d) {
        SlaCase.Outcome outcome = sla.apply(d.event(), policies, calendar);
        if (outcome.rejection() != null) {
            meters.counter("events.rejected", "reason", outcome.rejection().reason().name()).increment();
        }
    }
}
