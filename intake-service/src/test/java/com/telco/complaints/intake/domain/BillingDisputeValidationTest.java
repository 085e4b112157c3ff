package com.telco.complaints.intake.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.rest.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A BUSINESS complaint that disputes a service provider's charge (seed 004): each rule of {@code billingDispute}. */
class BillingDisputeValidationTest {

    private final SubmissionValidator validator = new SubmissionValidator(SubmissionValidatorTest.NOW,
            ZoneId.of("Asia/Shanghai"));

    private static ObjectNode disputing() {
        ObjectNode body = SubmissionValidatorTest.valid().put("category", "BUSINESS").put("subcategory", "sp-charge");
        body.putObject("billingDispute").put("spCode", "SP901234").put("serviceName", " 天气预报 daily weather ")
                .put("disputedAmountFen", 1000).put("billingPeriod", "2026-10");
        return body;
    }

    private static ObjectNode dispute(ObjectNode body) {
        return (ObjectNode) body.get("billingDispute");
    }

    private FieldError onlyError(ObjectNode body) {
        Validation result = validator.validate(body);
        assertThat(result).as(body.toString()).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).errors().stream().reduce((a, b) -> {
            throw new AssertionError("more than one error: " + a + ", " + b);
        }).orElseThrow();
    }

    @Test
    void aBusinessComplaintCarriesTheDisputedChargeAsSent() {
        ComplaintDraft draft = ((Validation.Valid) validator.validate(disputing())).draft();

        assertThat(draft.billingDispute()).isEqualTo(new BillingDispute("SP901234", "天气预报 daily weather", 1000,
                "2026-10"));
        assertThat(((Validation.Valid) validator.validate(SubmissionValidatorTest.valid())).draft().billingDispute())
                .isNull();
    }

    @Test
    void onlyABusinessComplaintDisputesACharge() {
        ObjectNode network = disputing().put("category", "NETWORK");

        assertThat(onlyError(network)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("billingDispute");
            assertThat(e.message()).contains("only a BUSINESS complaint");
        });
        assertThat(onlyError(disputing().put("category", "SERVICE")).field()).isEqualTo("billingDispute");
    }

    @Test
    void aDisputedChargeIsNotResolvedAtTheFirstContact() {
        ObjectNode body = disputing();
        body.putObject("resolvedAtFirstContact").put("measures", "Refunded on the call").put("explanation", "Sorry");

        assertThat(onlyError(body)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("billingDispute");
            assertThat(e.message()).contains("not resolved at the first contact");
        });
    }

    @Test
    void theDisputeIsAnObject() {
        ObjectNode body = disputing();
        body.put("billingDispute", "SP901234");

        assertThat(onlyError(body)).extracting(FieldError::field, FieldError::message)
                .containsExactly("billingDispute", "must be an object");
    }

    @Test
    void everyPartOfTheDisputeIsRequiredAndNamed() {
        ObjectNode body = disputing();
        dispute(body).removeAll();

        assertThat(((Validation.Invalid) validator.validate(body)).errors())
                .extracting(FieldError::field, FieldError::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billingDispute.spCode", "is required"),
                        org.assertj.core.groups.Tuple.tuple("billingDispute.serviceName", "is required"),
                        org.assertj.core.groups.Tuple.tuple("billingDispute.disputedAmountFen", "is required"),
                        org.assertj.core.groups.Tuple.tuple("billingDispute.billingPeriod", "is required"));
    }

    @ParameterizedTest(name = "spCode {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"sp901234\"           | enterprise code",
            "\"SP-901234\"          | enterprise code",
            "\"SP 901234\"          | enterprise code",
            "\"企业代码\"            | enterprise code",
            "\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\" | at most 32 characters",
            "\"  \"                 | must not be blank",
            "901234                 | must be a string",
    })
    void theSpCodeIsTheEnterpriseCodeOfUpperCaseLettersAndDigits(String json, String message) throws Exception {
        ObjectNode body = disputing();
        dispute(body).set("spCode", EventJson.mapper().readTree(json));

        assertThat(onlyError(body)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("billingDispute.spCode");
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void theSpCodeTakesOneToThirtyTwoCharacters() {
        ObjectNode body = disputing();
        dispute(body).put("spCode", "A");
        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);
        dispute(body).put("spCode", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void theServiceNameTakesOneToTwoHundredCharacters() {
        ObjectNode body = disputing();
        dispute(body).put("serviceName", "天".repeat(200));
        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);

        dispute(body).put("serviceName", "天".repeat(201));
        assertThat(onlyError(body)).extracting(FieldError::field, FieldError::message)
                .containsExactly("billingDispute.serviceName", "must be at most 200 characters (is 201)");
        dispute(body).put("serviceName", " ");
        assertThat(onlyError(body)).extracting(FieldError::field, FieldError::message)
                .containsExactly("billingDispute.serviceName", "must not be blank");
    }

    @ParameterizedTest(name = "disputedAmountFen {0}")
    @CsvSource(delimiter = '|', value = {"10.5", "10.0", "1e3", "\"1000\"", "0", "-1", "1000000001",
            "99999999999999999999", "true"})
    void theAmountIsAWholePositiveNumberOfFenUpToTenMillionYuan(String json) throws Exception {
        ObjectNode body = disputing();
        dispute(body).set("disputedAmountFen", EventJson.mapper().readTree(json));

        assertThat(onlyError(body)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("billingDispute.disputedAmountFen");
            assertThat(e.message()).contains("whole number of fen").contains("1000000000");
        });
    }

    @Test
    void theAmountMayBeOneFenOrTenMillionYuan() {
        ObjectNode body = disputing();
        dispute(body).put("disputedAmountFen", 1);
        assertThat(((Validation.Valid) validator.validate(body)).draft().billingDispute().disputedAmountFen())
                .isEqualTo(1);
        dispute(body).put("disputedAmountFen", 1_000_000_000L);
        assertThat(((Validation.Valid) validator.validate(body)).draft().billingDispute().disputedAmountFen())
                .isEqualTo(1_000_000_000L);
    }

    @ParameterizedTest(name = "billingPeriod {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"2026-13\"  | YYYY-MM",
            "\"2026-00\"  | YYYY-MM",
            "\"2026-1\"   | YYYY-MM",
            "\"2026/10\"  | YYYY-MM",
            "\"202610\"   | YYYY-MM",
            "\"2026-10-01\" | YYYY-MM",
            "\"2027-01\"  | not be after the current month (2026-12)",
            "202610       | must be a string",
    })
    void theBillingPeriodIsARealMonthNotAfterTheCurrentOne(String json, String message) throws Exception {
        ObjectNode body = disputing();
        dispute(body).set("billingPeriod", EventJson.mapper().readTree(json));

        assertThat(onlyError(body)).satisfies(e -> {
            assertThat(e.field()).isEqualTo("billingDispute.billingPeriod");
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void theCurrentMonthIsTheBusinessZonesNotUtcs() {
        // 17:00 UTC on 30 November is already 1 December in Shanghai: December is the current month there.
        ObjectNode body = disputing();
        dispute(body).put("billingPeriod", "2026-12");
        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);

        SubmissionValidator inUtc = new SubmissionValidator(SubmissionValidatorTest.NOW, ZoneId.of("UTC"));
        assertThat(((Validation.Invalid) inUtc.validate(body)).errors()).singleElement()
                .extracting(FieldError::field).isEqualTo("billingDispute.billingPeriod");
    }

    @Test
    void theDisputeIsPartOfTheFingerprintAndItsAbsenceChangesNoEarlierOne() {
        ComplaintDraft plain = ((Validation.Valid) validator.validate(SubmissionValidatorTest.valid())).draft();
        ComplaintDraft disputed = ((Validation.Valid) validator.validate(disputing())).draft();
        ObjectNode otherAmount = disputing();
        dispute(otherAmount).put("disputedAmountFen", 1001);
        ComplaintDraft other = ((Validation.Valid) validator.validate(otherAmount)).draft();

        assertThat(Registration.fingerprint(disputed)).isNotEqualTo(Registration.fingerprint(other));
        // A draft without a dispute writes no billingDispute at all: keys claimed before disputes existed still match.
        assertThat(EventJson.mapper().valueToTree(plain).has("billingDispute")).isFalse();
    }
}
