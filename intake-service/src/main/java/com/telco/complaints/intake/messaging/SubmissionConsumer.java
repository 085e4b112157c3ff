package com.telco.complaints.intake.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.intake.Registrar;
import com.telco.complaints.intake.Registrar.Outcome;
import com.telco.complaints.intake.domain.Validation;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * The door for systems that publish complaints on {@code complaint-submissions}: the same
 * validation and idempotency as REST. A refused or unreadable record is nacked and SmallRye's
 * dead-letter-queue strategy moves it, bytes and headers unchanged, to
 * {@code complaint-submissions-dlq} with the reason, source topic, partition and offset in headers;
 * the consumer moves on.
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);
    static final String IDEMPOTENCY_KEY = "idempotency-key";

    @Inject
    Registrar registrar;
    @Inject
    MeterRegistry meters;

    @Incoming("submissions-in")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String where = record.getTopic() + "/" + record.getPartition() + "@" + record.getOffset();
        String key = record.getKey() == null ? null : record.getKey().toString();
        String idempotencyKey = header(record, IDEMPOTENCY_KEY);

        JsonNode body;
        try {
            body = EventJson.mapper().readTree(message.getPayload());
            if (body == null || body.isMissingNode()) {
                return refuse(message, "NOT_JSON", "the record holds no JSON value", where);
            }
        } catch (JsonProcessingException e) {
            return refuse(message, "NOT_JSON", "not JSON: " + e.getOriginalMessage(), where);
        } catch (IOException e) {
            return refuse(message, "NOT_JSON", "unreadable: " + e.getMessage(), where);
        }
        Outcome outcome = registrar.register(body, idempotencyKey, new Registrar.Origin("topic", key,
                idempotencyKey != null ? "idempotency-key:" + idempotencyKey : "submission:" + where));
        if (outcome instanceof Outcome.Invalid invalid) {
            return refuse(message, "INVALID", new Validation.Invalid(invalid.errors()).summary(), where);
        }
        if (outcome instanceof Outcome.Refused refused) {
            return refuse(message, refused.refusal().code(), refused.refusal().reason(), where);
        }
        if (outcome instanceof Outcome.KeyReused reused) {
            return refuse(message, "IDEMPOTENCY_KEY_REUSED", "idempotency key " + reused.idempotencyKey()
                    + " was used for " + reused.complaintId() + " with another body", where);
        }
        return message.ack();
    }

    private CompletionStage<Void> refuse(Message<byte[]> message, String code, String reason, String where) {
        meters.counter("complaints.dead-lettered", "reason", code).increment();
        LOG.infof("submission %s dead-lettered, %s: %s", where, code, reason);
        return message.nack(new SubmissionRefused(code, reason));
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> record, String name) {
        Header header = record.getHeaders().lastHeader(name);
        return header == null ? null : CloudEvents.string(header.value());
    }

    /** The reason a submission went to the dead-letter queue (its message becomes the reason header). */
    public static final class SubmissionRefused extends RuntimeException {
        public SubmissionRefused(String code, String reason) {
            super(code + ": " + reason, null, false, false);
        }
    }
}
