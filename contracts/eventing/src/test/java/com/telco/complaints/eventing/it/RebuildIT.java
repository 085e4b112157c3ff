package com.telco.complaints.eventing.it;

import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.eventing.testapp.NoteLog.Sent;
import com.telco.complaints.eventing.testapp.NoteLog;
import com.telco.complaints.eventing.testapp.NotesHandler;
import com.telco.complaints.eventing.testapp.TestApp.NoteRow;
import com.telco.complaints.eventing.testapp.TestApp;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.telco.complaints.eventing.testapp.NoteLog.note;
import static com.telco.complaints.eventing.testapp.TestApp.eventually;
import static com.telco.complaints.eventing.testapp.TestApp.notes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The projection (notes and parked records) is rebuilt from offset 0 into shadow tables and swapped in. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class RebuildIT {

    @Test
    void rebuildReplaysTheLogIntoShadowTablesSwapsThemInAndParksWhatStillFails() {
        String kept = TestApp.newKey("kept");
        String poisoned = TestApp.newKey("still-poison");
        Sent poison;
        try (NoteLog notesLog = NoteLog.open()) {
            List<Sent> sent = notesLog.publish(note(kept, "kept by the rebuild"), note(poisoned, NotesHandler.POISON));
            poison = sent.get(1);
        }
        eventually().until(() -> notes(kept).size() == 1);
        TestApp.awaitParked(poison);
        List<NoteRow> before = TestApp.allNotes();
        Set<List<Object>> parkedBefore = parkedPlaces();
        long tableBefore = notesTable();

        // Lose the projection: whatever the rebuild swaps in comes from the log.
        TestApp.sql("delete from notes");
        assertThat(TestApp.allNotes()).isEmpty();

        JsonPath progress = rebuild();
        assertThat(progress.getDouble("percent")).isEqualTo(100.0);
        assertThat(progress.getLong("parked")).isGreaterThanOrEqualTo(1);

        assertThat(notesTable()).as("the notes table swapped in").isNotEqualTo(tableBefore);
        assertThat(TestApp.allNotes()).isEqualTo(before);
        assertThat(parkedPlaces()).isEqualTo(parkedBefore);
        Map<String, Object> parkedAgain = TestApp.parkedAt(poison.partition(), poison.offset()).orElseThrow();
        assertThat(parkedAgain).containsEntry("reason", "failed").containsEntry("key", poisoned);
        assertThat(Instant.parse((String) parkedAgain.get("firstFailedAt")))
                .as("parked again by the rebuild").isAfterOrEqualTo(Instant.parse(progress.getString("startedAt")));
    }

    /*
     * Library bug (LogApplier.setAside with shadow = true, and Rebuild.parked()): the rebuild's
     * "parked" counts every time a record was set aside, also in runs whose transaction rolled back
     * because a poison further on failed and Isolation split them (see ParkingIT,
     * aRecordSetAsideInABatchThatIsSplitIsCountedOnce): an invalid record before a poison in one
     * partition is counted twice or more. Proposed fix: count shadowParked only for committed runs.
     */
    @Test
    void rebuildReportsEachRecordItParkedOnce() {
        String invalid = TestApp.newKey("invalid");
        try (NoteLog notesLog = NoteLog.open()) {
            notesLog.publish(note(invalid, null).on(0).body(("{\"key\":\"" + invalid + "\"}").getBytes(UTF_8)),
                    note(TestApp.newKey("poisoned"), NotesHandler.POISON).on(0));
        }
        eventually().until(() -> TestApp.parked().stream().anyMatch(p -> invalid.equals(p.get("key"))));

        JsonPath progress = rebuild();

        assertThat(progress.getLong("parked")).isEqualTo(TestApp.parkedTotal());
    }

    /** Runs a rebuild through {@code /admin/rebuild} and returns its final progress, which must be DONE. */
    private static JsonPath rebuild() {
        Callers.as(Callers.ADMIN).post("/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        JsonPath progress = eventually().atMost(Duration.ofSeconds(60))
                .until(() -> Callers.as(Callers.ADMIN).get("/admin/rebuild").then().statusCode(200).extract().jsonPath(),
                        p -> p.getString("finishedAt") != null);
        assertThat(progress.getString("state")).as("rebuild ended with %s", progress.getString("error"))
                .isEqualTo("DONE");
        return progress;
    }

    /** Where each parked record sits and why: what a rebuild must park again. */
    private static Set<List<Object>> parkedPlaces() {
        return TestApp.parked().stream()
                .map(p -> List.<Object>of(p.get("partition"), p.get("offset"), p.get("reason")))
                .collect(Collectors.toSet());
    }

    /** The identity of the live notes table (a swap puts another table in its place). */
    private static long notesTable() {
        return TestApp.number("select to_regclass(?)::oid::bigint", TestApp.schema() + ".notes");
    }
}
