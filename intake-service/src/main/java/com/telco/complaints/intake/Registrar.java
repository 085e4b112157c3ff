package com.telco.complaints.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.intake.domain.BusinessScope;
import com.telco.complaints.intake.domain.ComplaintDraft;
import com.telco.complaints.intake.domain.ComplaintNumbers;
import com.telco.complaints.intake.domain.Refusal;
import com.telco.complaints.intake.domain.Registration;
import com.telco.complaints.intake.domain.ReplyPromise;
import com.telco.complaints.intake.domain.SubmissionValidator;
import com.telco.complaints.intake.domain.Validation;
import com.telco.complaints.intake.store.ComplaintStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one use case of intake, behind both doors (REST and the submissions topic): validate,
 * check the business scope, and, in one transaction, claim the idempotency keys, number the
 * complaint, store it and append ComplaintRegistered to the outbox.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class);

    /**
     * Where a submission came from: who sent it and what request or record caused it.
     *
     * @param claim    a key naming this very submission (the topic, partition and offset of a record), claimed
     *                 with the registration so that the same record delivered again registers nothing; null for none
     * @param keyOwner whose idempotency keys the submission's are: the same key from two owners names two
     *                 complaints; null where a key names one complaint whoever sends it (the submissions topic)
     */
    public record Origin(String door, String actor, String causationId, String claim, String keyOwner) {
        public Origin(String door, String actor, String causationId, String claim) {
            this(door, actor, causationId, claim, null);
        }

        /** A request of an authenticated caller: the caller is the actor, and its idempotency keys are its own. */
        public static Origin caller(String door, String subject, String causationId) {
            return new Origin(door, subject, causationId, null, subject);
        }
    }

    public sealed interface Outcome {
        /** Registered now. */
        record Created(ComplaintRegistered registered) implements Outcome {}

        /**
         * Sent before (the same owner's idempotency key and body, or the same external reference): the first
         * answer.
         */
        record Duplicate(ComplaintRegistered first) implements Outcome {}

        record Invalid(List<FieldError> errors) implements Outcome {}

        record Refused(Refusal refusal) implements Outcome {}

        /** The idempotency key names another complaint, sent with a different body. */
        record KeyReused(String idempotencyKey, String complaintId) implements Outcome {}
    }

    @Inject
    SubmissionValidator validator;
    @Inject
    BusinessScope scope;
    @Inject
    ComplaintNumbers numbers;
    @Inject
    ReplyPromise promise;
    @Inject
    ComplaintStore store;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    public Outcome register(JsonNode body, String idempotencyKey, Origin origin) {
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome = decide(body, idempotencyKey, origin);
        sample.stop(meters.timer("complaints.registration", "door", origin.door(), "outcome", name(outcome)));
        count(outcome, origin);
        return outcome;
    }

    /**
     * What a submission is refused for without looking at any stored state (invalid, outside the
     * business scope), or empty when it may be registered.
     */
    public Optional<Outcome> refusalOf(JsonNode body) {
        Validation validation = validator.validate(body);
        if (validation instanceof Validation.Invalid invalid) {
            return Optional.of(new Outcome.Invalid(invalid.errors()));
        }
        return scope.refusalOf(((Validation.Valid) validation).draft()).map(Outcome.Refused::new);
    }

    private Outcome decide(JsonNode body, String idempotencyKey, Origin origin) {
        Validation validation = validator.validate(body);
        if (validation instanceof Validation.Invalid invalid) {
            return new Outcome.Invalid(invalid.errors());
        }
        ComplaintDraft draft = ((Validation.Valid) validation).draft();
        Optional<Refusal> refusal = scope.refusalOf(draft);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        String fingerprint = Registration.fingerprint(draft);
        String idempotencyClaim = idempotencyKey == null ? null : idempotencyKeyOf(idempotencyKey, origin.keyOwner());
        List<String> keys = keysOf(idempotencyClaim, draft.externalRef());
        if (origin.claim() != null) {
            keys.add(origin.claim());
        }
        String actor = origin.actor() != null ? origin.actor()
                : draft.externalRef() != null ? draft.externalRef().system() : draft.channel().name().toLowerCase();

        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<ComplaintStore.Claim> earlier = store.claims(keys);
                if (!earlier.isEmpty()) {
                    return answerFor(earlier, idempotencyKey, idempotencyClaim, fingerprint);
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                String complaintId = numbers.format(now, store.nextNumber());
                Set<String> taken = store.claim(keys, complaintId, fingerprint);
                if (!taken.isEmpty()) {
                    throw new ClaimedMeanwhile(taken); // rolls back the keys this transaction did claim
                }
                ComplaintRegistered registered = Registration.register(draft, complaintId, now, promise,
                        origin.causationId(), actor);
                byte[] json = EventCodec.standard().toJson(registered);
                store.insert(registered, fingerprint, json);
                outbox.append(registered, json);
                return new Outcome.Created(registered);
            });
        } catch (ClaimedMeanwhile e) {
            // A concurrent request claimed a key first and has committed: answer as it was answered.
            return QuarkusTransaction.requiringNew().call(() -> answerFor(store.claims(new ArrayList<>(e.keys)),
                    idempotencyKey, idempotencyClaim, fingerprint));
        }
    }

    /** A key was claimed by a concurrent transaction between our check and our claim. */
    private static final class ClaimedMeanwhile extends RuntimeException {
        final Set<String> keys;

        ClaimedMeanwhile(Set<String> keys) {
            super(null, null, false, false);
            this.keys = keys;
        }
    }

    /** The answer to a submission whose keys were claimed before; {@code idempotencyClaim} its stored key, or null. */
    private Outcome answerFor(List<ComplaintStore.Claim> claims, String idempotencyKey, String idempotencyClaim,
                              String fingerprint) {
        for (ComplaintStore.Claim claim : claims) {
            if (claim.key().equals(idempotencyClaim) && !claim.fingerprint().equals(fingerprint)) {
                return new Outcome.KeyReused(idempotencyKey, claim.complaintId());
            }
        }
        String complaintId = claims.get(0).complaintId();
        return new Outcome.Duplicate(store.find(complaintId).orElseThrow(
                () -> new IllegalStateException("idempotency key names unknown complaint " + complaintId)));
    }

    /**
     * The keys a submission claims: its idempotency key, if any, and its external reference, if any. An
     * external reference names one case of the publishing system whoever sends it and through whichever
     * door, so it is not scoped to a key owner.
     */
    private static List<String> keysOf(String idempotencyClaim, ExternalRef externalRef) {
        List<String> keys = new ArrayList<>(2);
        if (idempotencyClaim != null) {
            keys.add(idempotencyClaim);
        }
        if (externalRef != null) {
            keys.add("ref:" + externalRef.system() + "/" + externalRef.id());
        }
        return keys;
    }

    /**
     * An idempotency key as stored: {@code key:<key>}, or {@code key:<key> by <owner>} for an owner's key. A key
     * has no spaces (IdempotencyKeys), so its end is the first space: keys of two owners, or an owner's and
     * an unowned one, never meet.
     */
    private static String idempotencyKeyOf(String key, String owner) {
        return owner == null ? "key:" + key : "key:" + key + " by " + owner;
    }

    private void count(Outcome outcome, Origin origin) {
        if (outcome instanceof Outcome.Created created) {
            meters.counter("complaints.registered", "door", origin.door(),
                    "channel", created.registered().channel().name()).increment();
        } else if (outcome instanceof Outcome.Duplicate) {
            meters.counter("complaints.duplicates", "door", origin.door()).increment();
        } else if (outcome instanceof Outcome.Invalid invalid) {
            refused(origin, "INVALID", new Validation.Invalid(invalid.errors()).summary());
        } else if (outcome instanceof Outcome.Refused refused) {
            refused(origin, refused.refusal().code(), refused.refusal().reason());
        } else if (outcome instanceof Outcome.KeyReused reused) {
            refused(origin, "IDEMPOTENCY_KEY_REUSED", "idempotency key " + reused.idempotencyKey()
                    + " was used for " + reused.complaintId() + " with another body");
        }
    }

    /** Refusals are answered, logged and counted; never silently dropped. */
    private void refused(Origin origin, String reason, String detail) {
        meters.counter("complaints.refused", "door", origin.door(), "reason", reason).increment();
        LOG.infof("refused a submission via %s (%s), %s: %s", origin.door(), origin.causationId(), reason, detail);
    }

    private static String name(Outcome outcome) {
        return outcome.getClass().getSimpleName().toLowerCase();
    }
}
