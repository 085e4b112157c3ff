package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.infra.KafkaPrincipals;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Scenario 4: what the suite refuses, and that a refusal never stalls anything. The poison record
 * goes through the submissions topic, the public door of publishing systems that do not call REST.
 */
@ExtendWith(RunningSuite.class)
@Order(4)
class RefusalSystemIT {

    private final Doors doors;
    private final SystemUnderTest system;

    RefusalSystemIT(Doors doors, SystemUnderTest system) {
        this.doors = doors;
        this.system = system;
    }

    @Test
    void anInvalidComplaintIsRefusedWith400NamingEveryWrongField() {
        Map<String, Object> body = new LinkedHashMap<>(ComplaintBody.network("TZ-HL").json());
        body.put("channel", "FAX");
        body.remove("category");
        body.put("description", "   ");
        body.put("customer", Map.of("name", "Wang Li", "phone", "12", "tier", "STANDARD"));

        Response response = doors.intake().contentType(ContentType.JSON).body(body).post("/complaints");

        response.then().statusCode(400).contentType(startsWith("application/problem+json"));
        JsonPath problem = response.jsonPath();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getList("errors.field"))
                .containsExactlyInAnyOrder("channel", "category", "description", "customer.phone");
        assertThat(problem.getList("errors.message", String.class)).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void theSameIdempotencyKeyTwiceRegistersOneComplaintAndAnswersTheRetryWithTheFirstAnswer() {
        String region = ComplaintBody.uniqueRegion("DUP");
        ComplaintBody complaint = ComplaintBody.network(region).externalRef("A-" + UUID.randomUUID());
        String key = "retry-" + UUID.randomUUID();

        Response first = doors.register(complaint, key);
        Response retry = doors.register(complaint, key);

        first.then().statusCode(201);
        retry.then().statusCode(200);
        String complaintId = first.path("complaintId");
        assertThat(retry.<String>path("complaintId")).isEqualTo(complaintId);
        assertThat(retry.<String>path("registeredAt")).isEqualTo(first.path("registeredAt"));
        assertThat(retry.header("Location")).endsWith("/complaints/" + complaintId);

        // One registration on the log itself, once a marker on every partition is through.
        doors.settled().assertOneRecordPerEventId().assertCounts(complaintId, counts("ComplaintRegistered", 1));
        // One case on the read side, with one registration in its history.
        await("one case in region " + region).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    JsonPath cases = doors.casesInRegion(region);
                    assertThat(cases.getLong("total")).isEqualTo(1);
                    assertThat(cases.getList("items.complaintId")).containsExactly(complaintId);
                });
        assertThat(doors.audit(complaintId).count("ComplaintRegistered")).isEqualTo(1);
    }

    @Test
    void aPoisonRecordOnTheSubmissionsTopicGoesToTheDeadLetterQueueWithItsReasonAndTheNextValidOneIsRegistered() {
        String topic = system.endpoints().topics().submissions();
        String publisher = "st-publisher-" + UUID.randomUUID();
        String region = ComplaintBody.uniqueRegion("DLQ");
        byte[] poison = "{\"channel\": \"HOTLINE\", \"category\": ".getBytes(StandardCharsets.UTF_8);
        byte[] valid = json(ComplaintBody.network(region).channel("ONLINE").json());

        // Same key, so the same partition: the valid record is read only after the poison one.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>(topic, publisher, poison));
            ProducerRecord<String, byte[]> next = new ProducerRecord<>(topic, publisher, valid);
            next.headers().add("idempotency-key", ("sub-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            producer.send(next);
            producer.flush();
        }

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(publisher);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(header(dead, "dead-letter-reason")).startsWith("NOT_JSON");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(topic);

        JsonPath cases = await("the valid submission after the poison one registered").until(
                () -> doors.casesInRegion(region), c -> c.getLong("total") == 1);
        String complaintId = cases.getString("items[0].complaintId");
        assertThat(cases.getString("items[0].channel")).isEqualTo("ONLINE");
        // Registered by the publisher that keyed the record: it reads it back, another publisher does not.
        doors.intakeAs(publisher).get("/complaints/{complaintId}", complaintId).then().statusCode(200)
                .body("registeredBy", equalTo(publisher));
        doors.intake().get("/complaints/{complaintId}", complaintId).then().statusCode(404);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        String dlq = system.endpoints().topics().submissionsDlq();
        Properties props = new Properties();
        props.putAll(system.endpoints().kafkaAdmin()); // nobody else reads the dead letters
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            return await("dead letter keyed " + key + " on " + dlq).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().filter(r -> key.equals(r.key())).findFirst();
            }, java.util.Optional::isPresent).orElseThrow();
        }
    }

    /** A publishing system's producer: the broker's {@code publisher} principal, which may write submissions only. */
    private Properties producerProps() {
        Properties props = new Properties();
        props.putAll(system.endpoints().kafkaClient(KafkaPrincipals.PUBLISHER));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(TimeUnit.SECONDS.toMillis(30)));
        return props;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
