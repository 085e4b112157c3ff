package com.telco.complaints.intake.it;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.intake.messaging.OutboxRelay;
import com.telco.complaints.intake.store.Outbox;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash windows of the outbox. Before the publish: the registration committed (the client got
 * 201) but nothing was published yet; the event waits in the outbox and goes out once the relay
 * runs again. After the publish: the batch reached the log but its rows were not deleted; the next
 * relay finds them named in the last committed batch and does not send them again.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class OutboxRelayIT {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventCommittedButNotPublishedIsPublishedOnceWhenTheRelayRunsAgain() {
        try (EventLog log = EventLog.ofEvents()) {
            relay.stop();
            String complaintId;
            try {
                complaintId = given().contentType(ContentType.JSON).body(Bodies.valid().toString())
                        .post("/complaints").then().statusCode(201).extract().path("complaintId");

                assertThat(outbox.pending()).isEqualTo(1);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(() -> log.events(complaintId).isEmpty());
            } finally {
                relay.start();
            }

            log.await(ComplaintRegistered.class, complaintId, 1, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> log.events(ComplaintRegistered.class, complaintId).size() == 1);
        }
    }

    @Test
    void rowsWhoseBatchReachedTheLogButWereNotDeletedAreNotSentAgain() throws SQLException {
        try (EventLog log = EventLog.ofEvents()) {
            relay.stop();
            String first;
            try {
                first = register();
                // What a relay that dies right after its Kafka commit leaves behind: the same row.
                sql("create table outbox_lost as select * from outbox");
            } finally {
                relay.start();
            }
            log.await(ComplaintRegistered.class, first, 1, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);

            relay.stop();
            String second;
            try {
                sql("insert into outbox select * from outbox_lost");
                second = register();
                assertThat(outbox.pending()).isEqualTo(2);
            } finally {
                sql("drop table outbox_lost");
                relay.start();
            }

            log.await(ComplaintRegistered.class, second, 1, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> log.events(ComplaintRegistered.class, first).size() == 1);
        }
    }

    private static String register() {
        return given().contentType(ContentType.JSON).body(Bodies.valid().toString())
                .post("/complaints").then().statusCode(201).extract().path("complaintId");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
