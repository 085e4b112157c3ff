package com.telco.complaints.intake.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.FailurePolicy;
import com.telco.complaints.eventing.log.LogHandler;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.log.UnusableRecord;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.intake.Registrar.Outcome;
import com.telco.complaints.intake.Registrar;
import com.telco.complaints.intake.domain.IdempotencyKeys;
import com.telco.complaints.intake.domain.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The door for systems that publish complaints on {@code complaint-submissions} (the library follows
 * it on the channel {@code log-in}): the same validation and idempotency as REST. A record that
 * cannot be accepted (not JSON, invalid, outside the business scope, a key or an idempotency-key
 * header that breaks the rules of the REST Idempotency-Key, an idempotency key used for another
 * body) is dead-lettered to {@code complaint-submissions-dlq} through the outbox, bytes and headers
 * unchanged, with the reason, source topic, partition and offset in headers, in the transaction
 * that moves past it; the door goes on with the next record. Transient failures (the database
 * away) are retried until they pass. A record delivered again registers nothing: its topic,
 * partition and offset are claimed with the registration.
 */
@ApplicationScoped
public class Submissions implements LogHandler<Submissions.Submission> {

    static final String IDEMPOTENCY_KEY = "idempotency-key";

    /** A submission read: its body, and the idempotency key it came with. */
    public record Submission(LogRecord record, JsonNode body, String idempotencyKey) {}

    @Inject
    Registrar registrar;
    @ConfigProperty(name = "complaints.topics.submissions-dlq")
    String deadLetters;

    @Override
    public Submission read(LogRecord record) {
        Optional<String> keyProblem = IdempotencyKeys.problem(record.key());
        if (keyProblem.isPresent()) {
            throw new UnusableRecord(ParkReason.INVALID, "INVALID_KEY", "the record key " + keyProblem.get());
        }
        String idempotencyKey = record.header(IDEMPOTENCY_KEY);
        Optional<String> headerProblem = IdempotencyKeys.problem(idempotencyKey);
        if (headerProblem.isPresent()) {
            throw new UnusableRecord(ParkReason.INVALID, "INVALID_IDEMPOTENCY_KEY",
                    "the idempotency-key header " + headerProblem.get());
        }
        JsonNode body;
        try {
            body = JsonBody.parse(record.value());
        } catch (RequestProblems.MalformedJson e) {
            throw new UnusableRecord(ParkReason.UNREADABLE, "NOT_JSON", "not JSON: " + e.getMessage());
        }
        Optional<Outcome> refusal = registrar.refusalOf(body);
        if (refusal.isPresent()) {
            throw refused(refusal.get());
        }
        return new Submission(record, body, idempotencyKey);
    }

    @Override
    public void apply(List<Submission> submissions, Applying applying) {
        for (Submission s : submissions) {
            LogRecord r = s.record();
            String where = r.topic() + "/" + r.partition() + "@" + r.offset();
            Outcome outcome = registrar.register(s.body(), s.idempotencyKey(), new Registrar.Origin("topic", r.key(),
                    s.idempotencyKey() != null ? "idempotency-key:" + s.idempotencyKey() : "submission:" + where,
                    "sub:" + where));
            if (!(outcome instanceof Outcome.Created) && !(outcome instanceof Outcome.Duplicate)) {
                throw refused(outcome); // sets this one record aside; the others are registered (or found) again
            }
        }
    }

    private static UnusableRecord refused(Outcome outcome) {
        if (outcome instanceof Outcome.Invalid invalid) {
            return new UnusableRecord(ParkReason.INVALID, "INVALID", new Validation.Invalid(invalid.errors()).summary());
        }
        if (outcome instanceof Outcome.Refused refused) {
            return new UnusableRecord(ParkReason.INVALID, refused.refusal().code(), refused.refusal().reason());
        }
        Outcome.KeyReused reused = (Outcome.KeyReused) outcome;
        return new UnusableRecord(ParkReason.INVALID, "IDEMPOTENCY_KEY_REUSED", "idempotency key "
                + reused.idempotencyKey() + " was used for " + reused.complaintId() + " with another body");
    }

    @Override
    public FailurePolicy failurePolicy() {
        return FailurePolicy.deadLetter(deadLetters);
    }

    /** A door: a partition intake has no position for is read from where its consumer group stands. */
    @Override
    public boolean replaysFromStart() {
        return false;
    }
}
