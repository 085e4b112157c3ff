package com.telco.complaints.eventing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the log plumbing, the same keys in every service ({@code complaints.eventing.*}). */
@ConfigMapping(prefix = "complaints.eventing")
public interface EventingConfig {

    /**
     * Whether the service's tables are a projection of the log it follows (rebuilt from it, records
     * parked; {@code /admin/rebuild} and {@code /admin/parked}), or its own state fed by a door that
     * dead-letters what it refuses (intake). Read at build time as well.
     */
    @WithDefault("true")
    boolean projection();

    Outbox outbox();

    Consumer consumer();

    Rebuild rebuild();

    interface Outbox {
        /** Relay the outbox to Kafka (off only for maintenance, or in a service that emits nothing). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows per Kafka transaction at the most. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long an idle leading relay waits for a wake-up before it looks at the outbox anyway. It
         * is woken after every commit: in-process, or by a PostgreSQL notification from an instance
         * that does not lead; this is only the safety net (e.g. a notification lost with a broken
         * connection), so it can be long and cost nothing while nothing happens.
         */
        @WithDefault("PT5S")
        Duration idlePoll();

        /** How often an instance that does not lead tries to take the relay lock over. */
        @WithDefault("PT1S")
        Duration takeoverPoll();

        /**
         * After a batch that did not fill up, how long the relay lets the next one gather: a Kafka
         * transaction costs the broker about as much as a few dozen records.
         */
        @WithDefault("PT0.005S")
        Duration linger();

        /**
         * The largest record (key, headers and value) the outbox accepts, below the broker's
         * {@code message.max.bytes} (1,048,588 by default): a larger one would be refused by the
         * broker for good, so it is refused when it is written instead.
         */
        @WithDefault("1000000")
        int maxRecordBytes();
    }

    interface Consumer {
        /** The longest wait between two tries of a batch that failed for a transient reason. */
        @WithDefault("PT5S")
        Duration maxBackoff();

        /** How often the consumer re-reads which partitions have parked records (others may re-drive them). */
        @WithDefault("PT30S")
        Duration parkedRefresh();

        /**
         * How long the position past the service's own events read back from the log may wait to be
         * saved when no other record of their partition comes to carry it (they need no transaction).
         */
        @WithDefault("PT1S")
        Duration echoFlush();
    }

    interface Rebuild {
        /** Threads that replay the log in parallel, each owning a share of the partitions. */
        @WithDefault("2")
        int lanes();

        /** Records per poll of a rebuild lane. */
        @WithDefault("5000")
        int maxPollRecords();

        /** Share of the old generation that, still in use after a collection, stops a rebuild. */
        @WithDefault("0.85")
        double heapLimit();

        /**
         * How many finished units (closed cases, say) a lane that folds in memory holds before it
         * writes them to the shadow tables and forgets them.
         */
        @WithDefault("5000")
        int spillAt();
    }
}
