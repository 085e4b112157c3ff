package com.telco.complaints.eventing.log;

import com.telco.complaints.eventing.store.StoreException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    /** A failure as the library meets it: a store's exception around the driver's. */
    private static RuntimeException fromTheStore(SQLException e) {
        return new StoreException("applying", e);
    }

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = {
            "08006", // connection failure
            "40001", // serialization failure
            "40P01", // deadlock
            "57P01", // admin shutdown (a terminated backend)
            "42P01", // undefined table: the schema is wrong (a rebuild swapping tables), not the record
    })
    void sqlStatesOfTheEnvironmentAreTransient(String state) {
        assertThat(Failures.isTransient(fromTheStore(new SQLException("failure", state)))).isTrue();
    }

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = {
            "23505", // unique violation
            "22021", // character not in repertoire (a NUL in text)
    })
    void sqlStatesOfTheDataAreNotTransient(String state) {
        assertThat(Failures.isTransient(fromTheStore(new SQLException("failure", state)))).isFalse();
    }

    @Test
    void aPoolThatCannotHandOutAConnectionInTimeIsTransient() {
        assertThat(Failures.isTransient(fromTheStore(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aRetriableKafkaFailureIsTransient() {
        assertThat(Failures.isTransient(new IllegalStateException("sending",
                new NotEnoughReplicasException("not enough replicas")))).isTrue();
    }

    @Test
    void aKafkaFailureThatIsNotRetriableIsNotTransient() {
        assertThat(Failures.isTransient(new IllegalStateException("sending",
                new RecordTooLargeException("too large")))).isFalse();
    }

    @Test
    void aLogicErrorOrAnUnusableRecordIsNotTransient() {
        assertThat(Failures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(Failures.isTransient(new UnusableRecord(ParkReason.INVALID, "no text"))).isFalse();
    }

    @Test
    void aDescriptionNamesTheFailureAndItsRootCause() {
        String description = Failures.describe(fromTheStore(new SQLException("duplicate key", "23505")));

        assertThat(description).startsWith("StoreException: applying: duplicate key")
                .endsWith("(cause SQLException: duplicate key)");
    }
}
