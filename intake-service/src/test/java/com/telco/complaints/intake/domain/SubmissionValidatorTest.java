package com.telco.complaints.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.rest.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionValidatorTest {

    /** 01:00 on 1 December 2026 in Shanghai, still November in UTC: the business zone decides the month. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneOffset.UTC);

    private final SubmissionValidator validator = new SubmissionValidator(NOW, ZoneId.of("Asia/Shanghai"));

    static ObjectNode valid() {
        try {
            return (ObjectNode) EventJson.mapper().readTree("""
                    { "channel": "HOTLINE", "category": "NETWORK", "subcategory": "weak-signal",
                      "urgency": "NORMAL", "region": "tz-hl",
                      "customer": { "name": "王丽", "phone": "+86 138 1234 5678", "tier": "KEY", "contact": "wechat: wl" },
                      "description": "  家里没有信号 📵 since Monday\\nstill nothing  ", "demand": "Fix coverage",
                      "externalRef": { "system": "crm", "id": "A-123" } }""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidSubmissionIsNormalizedAndKeptIntact() {
        Validation result = validator.validate(valid());

        assertThat(result).isInstanceOf(Validation.Valid.class);
        ComplaintDraft draft = ((Validation.Valid) result).draft();
        assertThat(draft.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(draft.category()).isEqualTo(Category.NETWORK);
        assertThat(draft.region()).isEqualTo("TZ-HL");
        assertThat(draft.customer().phone()).isEqualTo("13812345678");
        assertThat(draft.customer().tier()).isEqualTo(CustomerTier.KEY);
        assertThat(draft.description()).isEqualTo("家里没有信号 📵 since Monday\nstill nothing");
    }

    @Test
    void optionalFieldsGetTheirDefaults() {
        ObjectNode body = valid();
        body.remove("urgency");
        ((ObjectNode) body.get("customer")).remove("tier");
        body.remove("externalRef");
        body.remove("subcategory");
        body.remove("demand");

        ComplaintDraft draft = ((Validation.Valid) validator.validate(body)).draft();

        assertThat(draft.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(draft.customer().tier()).isEqualTo(CustomerTier.STANDARD);
        assertThat(draft.externalRef()).isNull();
    }

    @Test
    void aComplaintResolvedAtTheFirstContactCarriesWhatWasDoneAndSaid() {
        ObjectNode body = valid();
        body.putObject("resolvedAtFirstContact").put("measures", " Reset the APN on the call ")
                .put("explanation", "A stale APN after the update\nsignal is back");

        ComplaintDraft draft = ((Validation.Valid) validator.validate(body)).draft();

        assertThat(draft.resolvedAtFirstContact().measures()).isEqualTo("Reset the APN on the call");
        assertThat(draft.resolvedAtFirstContact().explanation()).isEqualTo("A stale APN after the update\nsignal is back");
        assertThat(((Validation.Valid) validator.validate(valid())).draft().resolvedAtFirstContact()).isNull();
    }

    @Test
    void aResolutionAtTheFirstContactNeedsBothItsMeasuresAndItsExplanation() {
        ObjectNode body = valid();
        body.putObject("resolvedAtFirstContact").put("measures", "  ").put("explanation", "x".repeat(2001));

        Validation result = validator.validate(body);

        assertThat(((Validation.Invalid) result).errors()).extracting(FieldError::field, FieldError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("resolvedAtFirstContact.measures", "must not be blank"),
                        org.assertj.core.groups.Tuple.tuple("resolvedAtFirstContact.explanation",
                                "must be at most 2000 characters (is 2001)"));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "channel              | <absent>          | is required",
            "channel              | \"FAX\"           | must be one of HOTLINE",
            "channel              | 3                 | must be one of",
            "category             | \"network\"       | must be one of NETWORK, BUSINESS, SERVICE",
            "urgency              | \"SOON\"          | must be one of URGENT, NORMAL",
            "region               | <absent>          | is required",
            "region               | \"TZ HL\"         | region code",
            "region               | \"   \"           | must not be blank",
            "subcategory          | {}                | must be a string",
            "customer             | <absent>          | is required",
            "customer             | \"Wang\"          | must be an object",
            "customer.name        | <absent>          | is required",
            "customer.name        | \"Wang\\nLi\"     | control character (U+000A)",
            "customer.phone       | \"12345\"         | Chinese mobile number",
            "customer.phone       | 13812345678       | must be a string",
            "customer.tier        | \"GOLD\"          | must be one of STANDARD, KEY",
            "description          | <absent>          | is required",
            "description          | \"\"              | must not be blank",
            "description          | \"bell\\u0007\"   | control character (U+0007)",
            "description          | \"bad \\ud83d x\" | broken Unicode",
            "demand               | \"nul\\u0000\"    | control character (U+0000)",
            "externalRef          | []                | must be an object",
            "externalRef.id       | <absent>          | is required",
            "resolvedAtFirstContact | \"yes\"       | must be an object",
    })
    void eachWrongFieldIsNamed(String field, String json, String message) throws Exception {
        ObjectNode body = valid();
        String[] path = field.split("\\.");
        ObjectNode parent = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        String name = path[path.length - 1];
        if (json.equals("<absent>")) {
            parent.remove(name);
        } else {
            parent.set(name, EventJson.mapper().readTree(json));
        }

        Validation result = validator.validate(body);

        assertThat(result).isInstanceOf(Validation.Invalid.class);
        assertThat(((Validation.Invalid) result).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void lengthsAreCountedInCharactersNotBytesOrUtf16Units() {
        ObjectNode body = valid();
        body.put("description", "📵".repeat(SubmissionValidator.DESCRIPTION_MAX));
        ((ObjectNode) body.get("customer")).put("name", "王".repeat(SubmissionValidator.NAME_MAX));
        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);

        body.put("description", "📵".repeat(SubmissionValidator.DESCRIPTION_MAX + 1));
        ((ObjectNode) body.get("customer")).put("name", "王".repeat(SubmissionValidator.NAME_MAX + 1));
        Validation result = validator.validate(body);
        assertThat(((Validation.Invalid) result).errors()).extracting(FieldError::field)
                .containsExactly("customer.name", "description");
        assertThat(((Validation.Invalid) result).errors().get(1).message()).contains("at most 4000 characters (is 4001)");
    }

    @Test
    void everyWrongFieldIsListedAtOnce() throws Exception {
        JsonNode body = EventJson.mapper().readTree("""
                { "channel": "PIGEON", "category": 7, "region": "no spaces please",
                  "customer": { "phone": "555" }, "externalRef": { "system": "crm" } }""");

        Validation result = validator.validate(body);

        assertThat(((Validation.Invalid) result).errors()).extracting(FieldError::field).containsExactly(
                "channel", "category", "region", "customer.name", "customer.phone", "description", "externalRef.id");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        assertThat(((Validation.Invalid) validator.validate(EventJson.mapper().readTree("[1,2]"))).errors())
                .extracting(FieldError::field).containsExactly("$");
    }
}
