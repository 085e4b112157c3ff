package com.telco.complaints.eventing.it;

import com.telco.complaints.eventing.testapp.NoteLog.Sent;
import com.telco.complaints.eventing.testapp.NoteLog;
import com.telco.complaints.eventing.testapp.NotesHandler;
import com.telco.complaints.eventing.testapp.TestApp;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.telco.complaints.eventing.testapp.NoteLog.note;
import static com.telco.complaints.eventing.testapp.TestApp.eventually;
import static com.telco.complaints.eventing.testapp.TestApp.notes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own events coming back from the log are left out on live partitions (it applied them
 * when it decided them; here the test writes what the application would have): the handler never
 * sees them, so nothing is applied twice, the records of other producers around them
 * are applied in order, and the position moves past them even when nothing else follows.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class OwnEchoesIT {

    private static final int PARTITION = 2;

    private static NoteLog notesLog;

    @BeforeAll
    static void openLog() {
        notesLog = NoteLog.open();
    }

    @AfterAll
    static void closeLog() {
        notesLog.close();
    }

    @Test
    void ownRecordsAreLeftOutAndTheOthersAroundThemApplied() {
        String ownFirst = TestApp.newKey("own-first");
        String other = TestApp.newKey("other");
        String ownLast = TestApp.newKey("own-last");
        String after = TestApp.newKey("after");
        double skipped = TestApp.metric("log_own_echoes_skipped_total");

        List<Sent> sent = notesLog.publish(note(ownFirst, "decided here").own().on(PARTITION),
                note(other, "from elsewhere").on(PARTITION), note(ownLast, "decided here too").own().on(PARTITION));
        decided(sent.get(0), "decided here");
        decided(sent.get(2), "decided here too");
        notesLog.publish(note(after, "a later batch").on(PARTITION));

        eventually().until(() -> notes(after).size() == 1);
        assertThat(notes(other)).hasSize(1);
        assertThat(notes(other).get(0).offset()).isLessThan(notes(after).get(0).offset());
        assertThat(notes(ownFirst)).as("an own record is not applied again").hasSize(1);
        assertThat(notes(ownLast)).as("an own record is not applied again").hasSize(1);
        assertThat(TestApp.metric("log_own_echoes_skipped_total") - skipped).isEqualTo(2.0);
    }

    @Test
    void thePositionMovesPastOwnRecordsThatNothingFollows() {
        String first = TestApp.newKey("own");
        String second = TestApp.newKey("own");
        List<Sent> sent = notesLog.publish(note(first, "decided here").own().on(PARTITION),
                note(second, "decided here").own().on(PARTITION));
        sent.forEach(s -> decided(s, "decided here"));
        long end = sent.get(1).offset() + 1;

        // Saved by the flush (complaints.eventing.consumer.echo-flush, 1 s), without any record to carry it.
        eventually().until(() -> position() >= end);
        assertThat(position()).isEqualTo(end);
        assertThat(notes(first)).hasSize(1);
        assertThat(notes(second)).hasSize(1);
    }

    /**
     * The position past an own record is saved only once the records before it are applied: while a
     * record of another producer ahead of it in the same batch is retried (a conflict lasting longer
     * than the echo flush), saving the echo's position would have it skipped for good.
     */
    @Test
    void aRecordRetriedBeforeAnOwnRecordIsNotSkipped() {
        String retried = TestApp.newKey("retried");
        String own = TestApp.newKey("own");
        long lasts = 3 * 1000; // three echo flushes (1 s) pass while it is retried
        List<Sent> sent = notesLog.publish(note(retried, NotesHandler.CONFLICT + lasts).on(PARTITION),
                note(own, "decided here").own().on(PARTITION));
        decided(sent.get(1), "decided here");

        eventually().until(() -> notes(retried).size() == 1);
        assertThat(notes(retried).get(0).offset()).isEqualTo(sent.get(0).offset());
        eventually().until(() -> position() == sent.get(1).offset() + 1);
        assertThat(notes(own)).as("the own record is still left out").hasSize(1);
    }

    /** The saved next offset of the test's partition, -1 before any. */
    private static long position() {
        return TestApp.number("select coalesce(max(next_offset), -1) from consumer_offsets where partition = ?",
                PARTITION);
    }

    /**
     * What the application did when it decided the note (in the transaction that appended it to its
     * outbox): the row the handler would write, so that a rebuild from the log writes the same.
     */
    private static void decided(Sent sent, String text) {
        TestApp.sql("insert into notes (note_key, text, version, log_partition, log_offset) values (?, ?, 1, ?, ?)",
                sent.key(), text, sent.partition(), sent.offset());
    }
}
