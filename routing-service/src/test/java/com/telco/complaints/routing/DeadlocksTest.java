package com.telco.complaints.routing;

import com.telco.complaints.eventing.log.Failures;
import com.telco.complaints.eventing.store.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A door's transaction rolled back for a deadlock or a serialization conflict runs again, a bounded number of times. */
class DeadlocksTest {

    private static RuntimeException failure(String sqlState) {
        return new StoreException("locking cases", new SQLException("ERROR: deadlock detected", sqlState));
    }

    @Test
    void aTransactionTheDatabaseRolledBackForADeadlockRunsAgainAndCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Deadlocks.retried("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure(attempts.get() == 1 ? "40P01" : "40001");
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(Deadlocks.ATTEMPTS);
    }

    @Test
    void afterTheLastAttemptTheFailureIsThrownAsItIsForThe503() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException deadlock = failure("40P01");

        assertThatThrownBy(() -> Deadlocks.retried("test", () -> {
            attempts.incrementAndGet();
            throw deadlock;
        })).isSameAs(deadlock);
        assertThat(attempts).hasValue(Deadlocks.ATTEMPTS);
        assertThat(Failures.isTransient(deadlock)).as("the library answers it 503 with Retry-After").isTrue();
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException refused = new IllegalStateException("refused");
        RuntimeException unique = failure("23505");

        assertThatThrownBy(() -> Deadlocks.retried("test", () -> {
            attempts.incrementAndGet();
            throw refused;
        })).isSameAs(refused);
        assertThatThrownBy(() -> Deadlocks.retried("test", () -> {
            attempts.incrementAndGet();
            throw unique;
        })).isSameAs(unique);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void theDeadlockIsFoundDeepInTheCausesAndBehindABatchsNextException() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", "40P01", new int[0]);
        SQLException plainBatch = new SQLException("batch aborted", (String) null);
        plainBatch.setNextException(new SQLException("could not serialize access", "40001"));

        assertThat(Deadlocks.lostToAnother(new RuntimeException(new IllegalStateException(batch)))).isTrue();
        assertThat(Deadlocks.lostToAnother(new StoreException("saving", plainBatch))).isTrue();
        assertThat(Deadlocks.lostToAnother(failure("40P01"))).isTrue();
        assertThat(Deadlocks.lostToAnother(failure("08006"))).as("a lost connection: not retried here").isFalse();
        assertThat(Deadlocks.lostToAnother(new RuntimeException("no SQL at all"))).isFalse();
    }
}
