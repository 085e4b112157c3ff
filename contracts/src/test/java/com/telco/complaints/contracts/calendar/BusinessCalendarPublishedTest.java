package com.telco.complaints.contracts.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.telco.complaints.contracts.wire.EventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar notice's wire form: its schema, its golden sample, and what it refuses. */
class BusinessCalendarPublishedTest {

    private static final BusinessCalendarPublished SAMPLE = new BusinessCalendarPublished(
            UUID.fromString("00000000-0000-4000-8000-000000002027"), Instant.parse("2026-12-08T02:15:00Z"), 1,
            "request:7d1c", "ops-admin-1", 2027,
            List.of(LocalDate.parse("2027-02-07"), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-06")),
            List.of(LocalDate.parse("2027-02-14")), "example notice, not the official one");

    private static byte[] golden() throws IOException {
        try (InputStream in = BusinessCalendarPublishedTest.class.getResourceAsStream(
                "/golden/" + BusinessCalendarPublished.CE_TYPE + ".json")) {
            return in.readAllBytes();
        }
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                BusinessCalendarPublished.class.getResourceAsStream("/schemas/" + BusinessCalendarPublished.CE_TYPE
                        + ".json"), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void theGoldenSampleReadsBackAsTheSampleWithItsDatesInOrder() throws IOException {
        BusinessCalendarPublished read = BusinessCalendarPublished.parse(golden());

        assertThat(read).isEqualTo(SAMPLE);
        assertThat(read.holidays()).isSorted();
        assertThat(read.key()).isEqualTo("2027");
    }

    @Test
    void theSampleAndTheGoldenSampleSatisfyTheSchema() throws IOException {
        JsonNode written = EventJson.mapper().readTree(SAMPLE.toJson());

        assertThat(schema().validate(written)).isEmpty();
        assertThat(schema().validate(EventJson.mapper().readTree(golden()))).isEmpty();
        assertThat(written).isEqualTo(EventJson.mapper().readTree(golden()));
    }

    @Test
    void aRecordWithoutItsYearOrDatesOrOfAnotherVersionIsRefused() throws IOException {
        String json = new String(golden(), java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BusinessCalendarPublished.parse(json.replace("\"year\": 2027,", "").getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendarPublished.parse(json.replace("\"makeUpWorkdays\"", "\"x\"").getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("makeUpWorkdays");
        assertThatThrownBy(() -> BusinessCalendarPublished.parse(json.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
                .getBytes())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> BusinessCalendarPublished.parse("[]".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendarPublished.parse("null".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }
}
