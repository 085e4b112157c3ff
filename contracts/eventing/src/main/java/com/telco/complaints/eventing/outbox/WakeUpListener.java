package com.telco.complaints.eventing.outbox;

import com.telco.complaints.eventing.log.Failures;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * While this instance leads the relay: a connection of its own that LISTENs on the outbox's
 * wake-up channel and wakes the relay whenever another instance of the service commits rows to
 * the outbox. It blocks in the socket in between: nothing is polled while nothing happens. If its
 * connection breaks it says so and stops; the relay's idle poll still finds the rows.
 */
final class WakeUpListener {

    private static final Logger LOG = Logger.getLogger(WakeUpListener.class);
    private static final int WAIT_MILLIS = 30_000;

    private final Connection connection;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean stopped;

    private WakeUpListener(Connection connection, Runnable wake) {
        this.connection = connection;
        this.wake = wake;
        this.thread = new Thread(this::listen, "outbox-wake-up");
        this.thread.setDaemon(true);
    }

    /** Listens on {@code outbox}'s channel; null (and a warning) when it cannot, e.g. without a connection. */
    static WakeUpListener start(Outbox outbox, Runnable wake) {
        Connection c = null;
        try {
            c = outbox.unpooledConnection();
            try (Statement s = c.createStatement()) {
                s.execute("listen \"" + outbox.wakeUpChannel().replace("\"", "\"\"") + "\"");
            }
            WakeUpListener listener = new WakeUpListener(c, wake);
            listener.thread.start();
            return listener;
        } catch (SQLException e) {
            LOG.warnf("cannot listen for other instances' outbox rows (they are found by the idle poll): %s",
                    Failures.describe(e));
            close(c);
            return null;
        }
    }

    private void listen() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            // The blocked read ends when stop() closes the connection.
            while (!stopped) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    wake.run();
                }
            }
        } catch (SQLException e) {
            if (!stopped) {
                LOG.warnf("stopped listening for other instances' outbox rows (they are found by the idle poll): %s",
                        Failures.describe(e));
            }
        } finally {
            close(connection);
        }
    }

    /** Whether it still listens (its connection did not break). */
    boolean alive() {
        return thread.isAlive();
    }

    void stop() {
        stopped = true;
        // Closing the connection ends the blocked read at once.
        close(connection);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to free
            }
        }
    }
}
