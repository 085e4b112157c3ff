package com.telco.complaints.routing;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A door's transaction that the database rolled back to break a deadlock (40P01) or a serialization conflict (40001)
 * is run again from the start, a few times: the transaction it lost to has gone on meanwhile. The incident doors take
 * the incident gate and then the cases; a rebuild's swap holds the projection tables and then takes the gate to
 * reconcile, and a single case's decision may meet it likewise; PostgreSQL breaks such a cycle by failing one side,
 * and that side should not be the operator's request. Nothing of a rolled-back attempt was written, so running it
 * again is safe. When every attempt fails, the failure is thrown as it is: the library's problem mapping answers it
 * 503 with Retry-After (a transient failure, nothing changed).
 */
public final class Deadlocks {

    /** How many times a door's transaction is run at most. */
    public static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(Deadlocks.class);
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    private Deadlocks() {}

    /** Runs {@code transaction} (one transaction of its own each time) until it commits, {@link #ATTEMPTS} at most. */
    public static <T> T retried(String door, Supplier<T> transaction) {
        return retried(door, ATTEMPTS, transaction);
    }

    static <T> T retried(String door, int attempts, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !lostToAnother(e)) {
                    throw e;
                }
                LOG.warnf("%s: the database rolled back attempt %d of %d to break a deadlock or a serialization "
                        + "conflict; running it again", door, attempt, attempts);
            }
        }
    }

    /** Whether the database rolled the transaction back for a deadlock or a serialization conflict. */
    static boolean lostToAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (DEADLOCK.equals(e.getSQLState()) || SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
