package com.telco.complaints.eventing.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.eventing.outbox.Outbox;
import com.telco.complaints.eventing.outbox.OutboxRelay;
import com.telco.complaints.eventing.testapp.TestApp;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.telco.complaints.eventing.testapp.TestApp.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service, one leading the relay: rows the other commits reach the log because
 * it notifies the leader, not because the leader polls (its idle poll is ten minutes here, so only
 * the notification can bring them out within the test's patience).
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
@TestProfile(RelayWakeUpIT.PollingAlmostNever.class)
class RelayWakeUpIT {

    public static class PollingAlmostNever implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("complaints.eventing.outbox.idle-poll", "PT10M");
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;

    private static EventLog log;

    @BeforeAll
    static void openLog() {
        log = EventLog.ofEvents();
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void rowsCommittedByAnInstanceThatDoesNotLeadWakeTheLeader() {
        // The leader listens (its listener's last statement was the LISTEN) and has nothing left to send.
        eventually().until(() -> TestApp.number("select count(*) from pg_stat_activity where datname = current_database() "
                + "and query like 'listen %'") > 0 && outbox.pending() == 0);
        String eventId = UUID.randomUUID().toString();
        String key = TestApp.newKey("other-instance");
        // What Outbox.append does in an instance that does not hold the relay lock: the row and a
        // notification, committed together.
        TestApp.sql("with row as (insert into outbox (event_id, message_key, headers, payload) values (?, ?, ?, ?) "
                        + "returning id) select pg_notify(?, '') from row",
                UUID.fromString(eventId), key, "{\"ce_specversion\":\"1.0\",\"ce_id\":\"" + eventId
                        + "\",\"ce_type\":\"test.note.v1\"}", "{}".getBytes(), outbox.wakeUpChannel());

        eventually().until(() -> log.entries().stream().anyMatch(e -> eventId.equals(e.header(CloudEvents.ID))));
        eventually().until(() -> outbox.pending() == 0);
    }

    @Test
    void anInstanceThatDoesNotLeadNotifiesWhenItCommitsToTheOutbox() throws Exception {
        try (Connection listener = TestApp.connect()) {
            try (Statement s = listener.createStatement()) {
                s.execute("listen \"" + outbox.wakeUpChannel() + "\"");
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            relay.stop(); // this instance gives up the lead, as if another held it
            try {
                ComplaintRegistered event = TestEvents.registered(TestEvents.newComplaintId(), Instant.now());
                QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
                PGNotification[] received = pg.getNotifications((int) TestApp.PATIENCE.toMillis());
                assertThat(received).isNotNull().extracting(PGNotification::getName)
                        .contains(outbox.wakeUpChannel());
            } finally {
                relay.start();
            }
            // Leading again, it sends what was committed meanwhile at once, and notifies no more.
            eventually().until(() -> outbox.pending() == 0);
            ComplaintRegistered another = TestEvents.registered(TestEvents.newComplaintId(), Instant.now());
            QuarkusTransaction.requiringNew().run(() -> outbox.append(another));
            eventually().until(() -> log.entries().stream()
                    .anyMatch(e -> another.eventId().toString().equals(e.header(CloudEvents.ID))));
            assertThat(pg.getNotifications(200)).isNullOrEmpty();
        }
    }
}
