package com.telco.complaints.sla.config;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.Urgency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** sla-service settings: the business calendar, the policies, the deadline watch. Validated at start-up. */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    Calendar calendar();

    /** Policies by id, e.g. {@code sla.policies.return-urgent.limit=PT24H}. */
    Map<String, Policy> policies();

    Watch watch();

    interface Calendar {
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** Working hours per weekday ({@code monday} … {@code sunday}), e.g. {@code 08:30-12:00,13:30-17:30}. */
        Map<String, String> hours();

        /** Working hours of a weekend day worked instead of a holiday (调休). */
        @WithDefault("08:30-12:00,13:30-17:30")
        String makeUpDayHours();

        /** Holiday notices, one file per year: classpath resources or file paths. */
        Optional<List<String>> years();

        /** How often the notices loaded at run time (the business-calendar topic) are looked for. */
        @WithDefault("PT30S")
        Duration followInterval();

        /** The wellness check is DOWN, and a WARN logged once a day, while fewer days ahead are confirmed. */
        @WithDefault("45")
        int confirmedDaysWanted();
    }

    interface Policy {
        SlaClock clock();

        Optional<Category> category();

        Optional<Urgency> urgency();

        Optional<CustomerTier> tier();

        Optional<Channel> channel();

        LimitKind kind();

        /** The limit (ISO-8601 duration); none for END_OF_WORKING_DAY. */
        Optional<Duration> limit();

        @WithDefault("0.8")
        double warningRatio();
    }

    interface Watch {
        /**
         * The longest the watch sleeps between two looks for due warnings and breaches. It wakes
         * sooner when the next one falls due or a clock is announced; this bounds only what it cannot
         * be told of (a re-driven case, partitions gained in a rebalance) and a clock moved by a test.
         */
        @WithDefault("PT5S")
        Duration interval();

        /**
         * How long after a warning point or deadline the watch waits before raising it, so that an
         * awaited event that happened just before (and is still on its way through another
         * service's outbox) can stop the clock first.
         */
        @WithDefault("PT2S")
        Duration grace();

        @WithDefault("500")
        int batchSize();
    }
}
