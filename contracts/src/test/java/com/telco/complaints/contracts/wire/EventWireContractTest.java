package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.telco.complaints.contracts.Samples;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Dispatched;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The golden samples are the contract: every event of the catalogue has a record, a schema and a
 * golden sample; serialized events satisfy their schema; golden samples read back as the same
 * events; and every field of a golden sample is still written, under the same name, with the same
 * value. Renaming, removing or retyping a field fails here before it fails a consumer.
 */
class EventWireContractTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final EventCodec codec = EventCodec.standard();

    @Test
    void everyEventOfTheSealedInterfaceHasATypeAndASample() {
        Set<EventType> sampled = Samples.all().keySet();
        assertThat(ComplaintEvent.class.getPermittedSubclasses())
                .allSatisfy(subclass -> assertThat(sampled).contains(EventType.of(subclass)));
        assertThat(sampled).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serializedEventSatisfiesItsSchema(EventType type) throws IOException {
        JsonNode json = EventJson.mapper().readTree(codec.toJson(Samples.all().get(type)));

        assertThat(schemaOf(type).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleReadsBackAsTheSampleEvent(EventType type) throws IOException {
        assertThat(codec.fromJson(type.ceType(), golden(type))).isEqualTo(Samples.all().get(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyGoldenFieldIsStillWrittenWithTheSameNameAndValue(EventType type) throws IOException {
        JsonNode golden = EventJson.mapper().readTree(golden(type));
        JsonNode written = EventJson.mapper().readTree(codec.toJson(Samples.all().get(type)));

        assertContains(written, golden, type.ceType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleSatisfiesItsSchema(EventType type) throws IOException {
        assertThat(schemaOf(type).validate(EventJson.mapper().readTree(golden(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAnEventWithoutItsRequiredFieldsOrWithAStrayOne(EventType type) throws IOException {
        JsonSchema schema = schemaOf(type);
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(golden(type));

        ObjectNode withoutId = json.deepCopy();
        withoutId.remove("eventId");
        ObjectNode badTime = json.deepCopy();
        badTime.put("occurredAt", "yesterday");
        ObjectNode stray = json.deepCopy();
        stray.put("javaClass", "com.example.Hack");

        assertThat(messages(schema.validate(withoutId))).anyMatch(m -> m.contains("eventId"));
        assertThat(messages(schema.validate(badTime))).anyMatch(m -> m.contains("occurredAt"));
        assertThat(messages(schema.validate(stray))).anyMatch(m -> m.contains("javaClass"));
    }

    @Test
    void instantsAndEnumsTravelAsIsoStringsAndUpperCaseNames() throws IOException {
        JsonNode json = EventJson.mapper().readTree(codec.toJson(Samples.clockStarted()));

        assertThat(json.get("deadline").asText()).isEqualTo("2026-11-27T01:30:02Z");
        assertThat(json.get("clock").asText()).isEqualTo("RETURN");
        assertThat(json.get("policy").get("limit").asText()).isEqualTo("PT48H");
        assertThat(json.has("explanation")).isFalse();
    }

    @Test
    void unknownPropertiesAreIgnoredOnRead() {
        String json = new String(golden(EventType.DISPATCHED), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedInAFutureVersion\": {\"x\": 1},");

        assertThat(codec.fromJson("complaint.dispatched.v1", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Samples.dispatched());
    }

    @Test
    void unreadableRecordsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> codec.fromJson("complaint.teleported.v1", golden(EventType.DISPATCHED)))
                .isInstanceOf(UnknownEventTypeException.class).hasMessageContaining("unknown ce_type");
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched.v7", golden(EventType.DISPATCHED)))
                .isInstanceOf(NewerEventVersionException.class).hasMessageContaining("newer than this reader");
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched", golden(EventType.DISPATCHED)))
                .isInstanceOf(UnknownEventTypeException.class);
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched.v1", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched.v1", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched.v1", "{\"attempt\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> codec.fromJson("complaint.dispatched.v0", golden(EventType.DISPATCHED)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("no upcaster");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void decodingRefusesAnEventWithoutAnyOneOfItsRequiredFieldsAndNamesIt(EventType type) throws IOException {
        ObjectNode golden = (ObjectNode) EventJson.mapper().readTree(golden(type));
        JsonNode schema = EventJson.mapper().readTree(EventSchemas.open(type));
        java.util.List<String> required = new java.util.ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        assertThat(required).isNotEmpty();

        for (String field : required) {
            ObjectNode without = golden.deepCopy();
            without.remove(field);
            assertThatThrownBy(() -> codec.fromJson(type.ceType(), EventJson.mapper().writeValueAsBytes(without)))
                    .as("%s without %s", type.ceType(), field)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining(field);
        }
    }

    /**
     * The forms of v2 no golden sample shows: a registration resolved at the first contact, and the survey of the
     * answer given then (no work order, attempt 0). Each satisfies its schema and reads back as itself.
     */
    @Test
    void theFirstContactsRegistrationAndSurveyEventsSatisfyTheirSchemasAndReadBack() throws IOException {
        com.telco.complaints.contracts.event.ComplaintRegistered r = Samples.registered();
        ComplaintEvent[] events = {
                new com.telco.complaints.contracts.event.ComplaintRegistered(r.eventId(), r.complaintId(),
                        r.occurredAt(), 3, r.causationId(), r.actor(), r.channel(), r.category(), r.subcategory(),
                        r.urgency(), r.region(), r.customer(), r.description(), r.demand(), r.externalRef(),
                        r.promisedReplyBy(), new com.telco.complaints.contracts.event.FirstContactResolution(
                                "APN reset on the call", "A stale APN after the phone's update"), null),
                new com.telco.complaints.contracts.event.SurveyPassed(Samples.surveyPassed().eventId(), r.complaintId(),
                        r.occurredAt(), 2, null, "sv-3", null, 0),
                new com.telco.complaints.contracts.event.SurveyFailed(Samples.surveyFailed().eventId(), r.complaintId(),
                        r.occurredAt(), 2, null, "sv-3", null, 0, "still no signal", true, null, true, false),
                new com.telco.complaints.contracts.event.CustomerUnreachable(Samples.customerUnreachable().eventId(),
                        r.complaintId(), r.occurredAt(), 2, null, "sv-3", null, 1)};
        for (ComplaintEvent event : events) {
            EventType type = EventType.of(event);
            byte[] json = codec.toJson(event);

            assertThat(schemaOf(type).validate(EventJson.mapper().readTree(json))).as(type.ceType()).isEmpty();
            assertThat(codec.fromJson(type.ceType(), json)).isEqualTo(event);
        }
        ObjectNode incomplete = (ObjectNode) EventJson.mapper().readTree(codec.toJson(events[0]));
        ((ObjectNode) incomplete.get("resolvedAtFirstContact")).remove("measures");
        assertThatThrownBy(() -> codec.fromJson(EventType.COMPLAINT_REGISTERED.ceType(),
                EventJson.mapper().writeValueAsBytes(incomplete)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("resolvedAtFirstContact.measures");
    }

    /**
     * The forms no golden sample shows: a registration disputing a service provider's charge (v3), and a notice of
     * an incident to the emergency leadership (v2, without a deadline). Each satisfies its schema and reads back; a
     * dispute without an amount, with a zero amount or with a malformed billing period is refused by name.
     */
    @Test
    void aBillingDisputeAndAnIncidentNoticeSatisfyTheirSchemasAndReadBack() throws IOException {
        com.telco.complaints.contracts.event.ComplaintRegistered r = Samples.registered();
        com.telco.complaints.contracts.event.EscalationNotice n = Samples.escalationNotice();
        ComplaintEvent[] events = {
                new com.telco.complaints.contracts.event.ComplaintRegistered(r.eventId(), r.complaintId(),
                        r.occurredAt(), 3, r.causationId(), r.actor(), r.channel(),
                        com.telco.complaints.contracts.event.Category.BUSINESS, "sp-charge", r.urgency(), r.region(),
                        r.customer(), "未订购却被扣费 Charged for a service never ordered", "Refund", r.externalRef(),
                        r.promisedReplyBy(), null, new com.telco.complaints.contracts.event.BillingDispute("SP901234",
                        "天气早知道 Weather daily", 1000, "2026-10")),
                new com.telco.complaints.contracts.event.EscalationNotice(n.eventId(), n.complaintId(),
                        n.occurredAt(), 2, "req-inc-1", "routing-service", Samples.CASE + "-W1", "emergency-leadership",
                        com.telco.complaints.contracts.event.NoticeReason.INCIDENT_SIZE, "network-ops-tz", null,
                        Samples.INCIDENT)};
        for (ComplaintEvent event : events) {
            EventType type = EventType.of(event);
            byte[] json = codec.toJson(event);

            assertThat(schemaOf(type).validate(EventJson.mapper().readTree(json))).as(type.ceType()).isEmpty();
            assertThat(codec.fromJson(type.ceType(), json)).isEqualTo(event);
        }
        for (String[] wrong : new String[][] {{"serviceName", null}, {"disputedAmountFen", "0"},
                {"billingPeriod", "2026-13"}}) {
            ObjectNode disputed = (ObjectNode) EventJson.mapper().readTree(codec.toJson(events[0]));
            ObjectNode dispute = (ObjectNode) disputed.get("billingDispute");
            if (wrong[1] == null) {
                dispute.remove(wrong[0]);
            } else if (wrong[0].equals("disputedAmountFen")) {
                dispute.put(wrong[0], Long.parseLong(wrong[1]));
            } else {
                dispute.put(wrong[0], wrong[1]);
            }
            assertThatThrownBy(() -> codec.fromJson(EventType.COMPLAINT_REGISTERED.ceType(),
                    EventJson.mapper().writeValueAsBytes(disputed)))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("billingDispute." + wrong[0]);
        }
    }

    @Test
    void anIncompleteRegistrationIsRefusedWithEveryMissingField() throws IOException {
        ObjectNode registered = (ObjectNode) EventJson.mapper().readTree(golden(EventType.COMPLAINT_REGISTERED));
        registered.remove("customer");
        registered.remove("category");
        ((ObjectNode) registered).put("region", "");

        assertThatThrownBy(() -> codec.fromJson("complaint.registered.v1", EventJson.mapper().writeValueAsBytes(registered)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactlyInAnyOrder("category: is required", "region: must not be empty",
                                "customer: is required"));
    }

    @Test
    void nestedFieldsAndRangesAreCheckedAsTheSchemaSays() throws IOException {
        ObjectNode registered = (ObjectNode) EventJson.mapper().readTree(golden(EventType.COMPLAINT_REGISTERED));
        ((ObjectNode) registered.get("customer")).put("phone", "12ab");
        ((ObjectNode) registered.get("customer")).remove("name");
        ObjectNode redispatched = (ObjectNode) EventJson.mapper().readTree(golden(EventType.REDISPATCHED));
        redispatched.put("attempt", 1);

        assertThatThrownBy(() -> codec.fromJson("complaint.registered.v1", EventJson.mapper().writeValueAsBytes(registered)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactlyInAnyOrder("customer.name: is required", "customer.phone: must match ^[0-9]{7,12}$"));
        assertThatThrownBy(() -> codec.fromJson("complaint.redispatched.v1", EventJson.mapper().writeValueAsBytes(redispatched)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactly("attempt: must be at least 2"));
    }

    @Test
    void cloudEventHeadersCarryIdTypeSubjectAndTime() {
        Dispatched event = Samples.dispatched();

        Map<String, String> headers = CloudEvents.headers(event, CloudEvents.sourceOf("routing-service"));

        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", event.eventId().toString()),
                Map.entry("ce_type", "complaint.dispatched.v1"),
                Map.entry("ce_source", "/complaint-suite/routing-service"),
                Map.entry("ce_subject", event.complaintId()),
                Map.entry("ce_time", "2026-11-25T01:30:02Z"),
                Map.entry("content-type", "application/json"));
    }

    private static void assertContains(JsonNode written, JsonNode golden, String where) {
        if (golden.isObject()) {
            assertThat(written.isObject()).as(where + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(written.has(field.getKey())).as(where + "." + field.getKey() + " is written").isTrue();
                assertContains(written.get(field.getKey()), field.getValue(), where + "." + field.getKey());
            }
        } else {
            assertThat(written).as(where).isEqualTo(golden);
        }
    }

    private static JsonSchema schemaOf(EventType type) {
        try (InputStream in = EventSchemas.open(type)) {
            return SCHEMAS.getSchema(in, STRICT_FORMATS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] golden(EventType type) {
        try (InputStream in = EventWireContractTest.class.getResourceAsStream("/golden/" + type.ceType() + ".json")) {
            assertThat(in).as("golden sample of " + type.ceType()).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).toList();
    }

}
