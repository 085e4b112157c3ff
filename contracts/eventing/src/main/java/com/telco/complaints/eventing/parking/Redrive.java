package com.telco.complaints.eventing.parking;

import com.telco.complaints.eventing.log.CatchUp;
import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.log.LogApplier;
import com.telco.complaints.eventing.log.LogHandler;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.log.UnusableRecord;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.store.Positions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Re-drives parked records after a fix: a parked record's case is tried again from its first parked
 * record on, in log order, each in a transaction of its own that also removes it, so a record that
 * now applies is applied exactly once (the transaction holds its partition's position row, which
 * serializes it with the live consumer, and its parked row, which serializes two re-drives). The
 * re-drive stops at the first record that still fails; that one stays parked with the new reason.
 */
@ApplicationScoped
public class Redrive {

    private static final Logger LOG = Logger.getLogger(Redrive.class);

    /** What a re-drive did: the records applied, and those still parked (the first with its reason). */
    public record Outcome(List<Long> applied, List<Long> stillParked, String reason, String error) {}

    /** No parked record has this id. */
    public static final class NotParked extends RuntimeException {
        public NotParked(long id) {
            super("No parked record " + id, null, false, false);
        }
    }

    @Inject
    Parking parking;
    @Inject
    LogApplier applier;
    @Inject
    Positions positions;
    @Inject
    CatchUp catchUp;
    @Inject
    MeterRegistry meters;

    /** Re-drives the case of parked record {@code id}, from its first parked record on. */
    public Outcome retry(long id) {
        ParkedRecord parked = parking.find(id).orElseThrow(() -> new NotParked(id));
        if (parked.isTask()) {
            // The task itself tries again once its key is no longer parked.
            QuarkusTransaction.requiringNew().run(() -> parking.delete(id));
            LOG.infof("parked task %s of %s released for another try", parked.task(), parked.key());
            return new Outcome(List.of(id), List.of(), null, null);
        }
        List<ParkedRecord> sequence = parking.sequence(parked);
        List<Long> applied = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            ParkedRecord next = sequence.get(i);
            Optional<String[]> failed = redrive(next, result -> {
                if (result == Result.APPLIED) {
                    applied.add(next.id());
                }
            });
            if (failed.isPresent()) {
                List<Long> left = sequence.subList(i, sequence.size()).stream().map(ParkedRecord::id).toList();
                return new Outcome(applied, left, failed.get()[0], failed.get()[1]);
            }
        }
        applier.refreshParkedPartitions();
        return new Outcome(applied, List.of(), null, null);
    }

    /**
     * Drops the first parked record of a case for good (an operator's decision: garbage that can never
     * apply), then re-drives the records of the case that waited behind it.
     *
     * @throws RequestProblems.Conflict when records of its case were parked before it: discard those first
     */
    public Outcome discard(long id) {
        ParkedRecord parked = parking.find(id).orElseThrow(() -> new NotParked(id));
        List<ParkedRecord> sequence = parking.sequence(parked);
        if (!parked.isTask() && sequence.get(0).id() != id) {
            throw new RequestProblems.Conflict("not-first-parked", "Not the first parked record of its case",
                    "Record " + sequence.get(0).id() + " of the same case was parked before " + id
                            + ": retry or discard that one first");
        }
        boolean removed = QuarkusTransaction.requiringNew().call(() -> {
            positions.lock(List.of(parked.partition()));
            if (parking.lock(id).isEmpty()) {
                return false;
            }
            parking.delete(id);
            return true;
        });
        if (!removed) {
            throw new NotParked(id);
        }
        meters.counter("log.discarded").increment();
        LOG.warnf("parked record %d (%s at %s/%d@%s, key %s) discarded for good by an operator; it was parked for: %s",
                id, parked.eventType(), parked.topic(), parked.partition(), parked.offset(), parked.key(),
                parked.error());
        if (sequence.size() <= 1) {
            applier.refreshParkedPartitions();
            return new Outcome(List.of(), List.of(), null, null);
        }
        return retry(sequence.get(1).id());
    }

    /**
     * Re-drives every parked case whose first record was parked for one of {@code reasons} (all when
     * null), e.g. {@code newer-version} after an upgrade. Returns one outcome per case.
     */
    public List<Outcome> retryAll(Set<String> reasons) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ParkedRecord head : parking.heads(reasons)) {
            outcomes.add(retry(head.id()));
        }
        return outcomes;
    }

    /**
     * After an upgrade: re-drives the cases on {@code partitions} whose first record waits for a
     * version or type this code now reads. Runs on its own thread; failures are only logged.
     */
    public void afterUpgrade(Set<Integer> partitions) {
        try {
            for (ParkedRecord head : parking.heads(List.of(ParkReason.NEWER_VERSION.code(),
                    ParkReason.UNKNOWN_TYPE.code()))) {
                if (partitions.contains(head.partition()) && readableNow(head)) {
                    Outcome outcome = retry(head.id());
                    LOG.infof("parked record %d (%s) is readable by this version: %d applied, %d still parked", head.id(),
                            head.eventType(), outcome.applied().size(), outcome.stillParked().size());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-driving records parked for a newer version failed: %s", Failures.describe(e));
        }
    }

    /** Whether this code reads the record now, at least as far as its type and version go. */
    private boolean readableNow(ParkedRecord parked) {
        try {
            applier.handler().read(parked.toRecord());
            return true;
        } catch (UnusableRecord e) {
            return !e.reason().awaitsUpgrade();
        } catch (RuntimeException e) {
            return true; // it fails otherwise now: the re-drive records the new reason
        }
    }

    /** What re-driving one parked record did. */
    private enum Result { APPLIED, GONE, FAILED }

    /** Applies one parked record; empty when it applied or was gone (re-driven meanwhile), else its new reason and error. */
    private Optional<String[]> redrive(ParkedRecord parked, java.util.function.Consumer<Result> result) {
        LogHandler<Object> handler = applier.handler();
        Object item;
        try {
            item = handler.read(parked.toRecord());
        } catch (UnusableRecord e) {
            result.accept(Result.FAILED);
            return failedAgain(parked, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            result.accept(Result.FAILED);
            return failedAgain(parked, ParkReason.UNREADABLE, Failures.describe(e));
        }
        boolean applied;
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> {
                positions.lock(List.of(parked.partition()));
                if (parking.lock(parked.id()).isEmpty()) {
                    return false; // re-driven meanwhile
                }
                handler.apply(List.of(item), LogApplier.deciding(
                        catchUp.deciding(parked.partition()) ? null : List.of()));
                parking.delete(parked.id());
                return true;
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            result.accept(Result.FAILED);
            return failedAgain(parked, ParkReason.FAILED, Failures.describe(e));
        }
        if (!applied) {
            result.accept(Result.GONE);
            return Optional.empty();
        }
        result.accept(Result.APPLIED);
        meters.counter("log.redriven").increment();
        LOG.infof("re-driven parked record %d (%s at %s/%d@%d): applied", parked.id(), parked.eventType(),
                parked.topic(), parked.partition(), parked.offset());
        return Optional.empty();
    }

    private Optional<String[]> failedAgain(ParkedRecord parked, ParkReason reason, String error) {
        QuarkusTransaction.requiringNew().run(() -> parking.failedAgain(parked.id(), reason, error));
        LOG.warnf("re-driving parked record %d failed again (%s): %s", parked.id(), reason.code(), error);
        return Optional.of(new String[] {reason.code(), error});
    }
}
