package com.telco.complaints.eventing.log;

import org.apache.kafka.common.errors.RetriableException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that will pass (the database or the broker unavailable, a serialization conflict,
 * a deadlock, a pool exhausted) from one a retry cannot mend (the record or the code is wrong).
 * Transient failures are retried in place; anything else sets the record that causes it aside.
 */
public final class Failures {

    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && transientSqlState(sql)) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof RetriableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof SocketException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.startsWith("jakarta.transaction.") && t.getMessage() != null
                    && t.getMessage().contains("timeout")) {
                return true; // the transaction outlived its timeout: the database was slow or locked
            }
        }
        return false;
    }

    /**
     * SQL states of the environment rather than of the data: connection (08), transaction rollback
     * (40: serialization, deadlock), insufficient resources (53), operator intervention (57, e.g. a
     * server shutting down), system errors (58, XX), object not in prerequisite state (55, e.g. a lock
     * not available), and 42 (an undefined table or a privilege: the schema, not a record, is wrong,
     * and parking every record would not mend it). A pool that cannot hand out a connection in time
     * says so without a state. Data errors (22) and constraint violations (23) are the record's.
     */
    private static boolean transientSqlState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            String message = e.getMessage();
            return message != null && (message.contains("acquisition timeout") || message.contains("Connection")
                    || message.contains("connection"));
        }
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.startsWith("XX") || state.startsWith("55")
                || state.startsWith("42") || state.equals("0A000") && String.valueOf(e.getMessage()).contains("cached plan");
    }

    /** A one-line description of a failure: its class and message, and those of its root cause. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
