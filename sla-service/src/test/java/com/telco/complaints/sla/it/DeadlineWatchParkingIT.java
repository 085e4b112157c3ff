package com.telco.complaints.sla.it;

import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.ParkedRecords;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case whose warning cannot be saved (here the database refuses it, through a trigger of the
 * test's) is parked, while every other case's warning is raised on time; once re-driven after the
 * fix, its warning is raised with its true time.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class DeadlineWatchParkingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCaseWhoseWarningCannotBeSavedIsParkedWhileTheOthersAreWarnedOnTime() throws SQLException {
        try (EventLog log = EventLog.ofEvents()) {
            String refused = TestEvents.newComplaintId();
            String other = TestEvents.newComplaintId();
            SlaClockStarted refusedClock = dispatched(log, refused);
            SlaClockStarted otherClock = dispatched(log, other);
            sql("create or replace function refuse_warning() returns trigger language plpgsql as $$ begin "
                    + "if new.complaint_id = '" + refused + "' and new.warned_at is not null then "
                    + "raise exception 'the test refuses the warning of %', new.complaint_id using errcode = '22023'; "
                    + "end if; return new; end $$");
            sql("create trigger refuse_warning before insert or update on clocks for each row "
                    + "execute function refuse_warning()");
            try {
                TestClock.NOW.set(later(refusedClock.warnAt().plusSeconds(5)));
                TestClock.NOW.set(later(otherClock.warnAt().plusSeconds(5)));

                SlaWarningRaised warned = log.awaitRaised(SlaWarningRaised.class, other, SlaClock.RETURN,
                        otherClock.dispatchId(), WAIT);
                assertThat(warned.occurredAt()).isEqualTo(otherClock.warnAt());
                Map<String, Object> parked = ParkedRecords.await(refused, 1, WAIT).get(0);
                assertThat(parked).containsEntry("task", "deadline-watch").containsEntry("reason", "failed");
                assertThat((String) parked.get("error")).contains("the test refuses the warning of " + refused);
                assertThat(log.events(SlaWarningRaised.class, refused)).isEmpty();
            } finally {
                sql("drop trigger refuse_warning on clocks");
            }

            Map<String, Object> parked = ParkedRecords.of(refused).get(0);
            Callers.as(Callers.ADMIN).post("/admin/parked/" + parked.get("id") + "/retry").then().statusCode(200);
            SlaWarningRaised warning = log.awaitRaised(SlaWarningRaised.class, refused, SlaClock.RETURN,
                    refusedClock.dispatchId(), WAIT);
            assertThat(warning.occurredAt()).as("raised with its true time").isEqualTo(refusedClock.warnAt());
            await().atMost(WAIT).until(() -> ParkedRecords.of(refused).isEmpty());
        }
    }

    private static SlaClockStarted dispatched(EventLog log, String complaintId) {
        log.publish(TestEvents.registered(complaintId, TestClock.NOW.instant()));
        Dispatched dispatched = TestEvents.dispatched(complaintId, TestClock.NOW.instant().plusSeconds(1), "network-ops");
        log.publish(dispatched);
        return (SlaClockStarted) log.await(e -> e.event() instanceof SlaClockStarted s
                && s.complaintId().equals(complaintId) && s.clock() == SlaClock.RETURN, WAIT).event();
    }

    private static java.time.Instant later(java.time.Instant at) {
        return at.isAfter(TestClock.NOW.instant()) ? at : TestClock.NOW.instant();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
