package com.telco.complaints.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;

/** analytics-service settings. Validated at start-up. */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    Hotspots hotspots();

    Kpis kpis();

    Audit audit();

    /**
     * Subscribers per service provider, for its complaints per 10,000 subscribers (GET /kpis/sp, seed 004), e.g.
     * {@code analytics.sp-subscribers."SP901234"=250000}; providers left out have no such rate.
     */
    @WithName("sp-subscribers")
    Map<String, Long> spSubscribers();

    interface Audit {
        /**
         * The secret the audit archive's chain hashes are keyed with (HMAC-SHA256, its UTF-8 bytes):
         * never in the database, so that a database writer cannot rewrite a case's history and a
         * chain that holds. At least 32 characters; required (deploy/run.sh creates one under its
         * data directory; in production, from a secret store as ANALYTICS_AUDIT_CHAIN_KEY).
         */
        @WithName("chain-key")
        String chainKey();

        /**
         * How often a signed checkpoint of the archive is published to the topic
         * {@code complaints.topics.audit-checkpoints}, when the archive moved since the last one.
         */
        @WithDefault("PT5M")
        Duration checkpointInterval();
    }

    interface Hotspots {
        /** The fewest complaints in a window that can be a hotspot. */
        @WithDefault("5")
        int minCount();

        /** How many times its usual level a pair's count must reach. */
        @WithDefault("3.0")
        double factor();

        /** The period before the window whose rate is "usual". */
        @WithDefault("P7D")
        Duration baseline();

        /** The longest window a caller may ask for. */
        @WithDefault("P7D")
        Duration maxWindow();
    }

    interface Kpis {
        /** How far back a closed complaint of the same phone and category makes a new one a recurrence. */
        @WithDefault("P30D")
        Duration recurrenceWindow();

        /**
         * Subscribers per region, for complaints per 10,000 subscribers (seed 004), e.g.
         * {@code analytics.kpis.subscribers."TZ-HL"=1250000}; regions left out are not counted.
         */
        Map<String, Long> subscribers();
    }
}
