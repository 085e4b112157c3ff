package com.telco.complaints.intake.config;

import com.telco.complaints.contracts.event.Category;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** intake-service settings, validated at start-up. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The operator's time zone: the date part of complaint numbers, and the month a billing period may not pass. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    ReplyPromiseConfig replyPromise();

    Scope scope();

    interface ReplyPromiseConfig {
        @WithDefault("PT48H")
        Duration normal();

        @WithDefault("PT24H")
        Duration urgent();
    }

    /** The operator's business scope (seed 001 "受理范围"). */
    interface Scope {
        /** Region codes served; none listed means every region. */
        Optional<Set<String>> servedRegions();

        /** Refusal rules by code, e.g. {@code intake.scope.refusals.HANDSET_REPAIR.category=BUSINESS}. */
        Map<String, RefusalRule> refusals();
    }

    interface RefusalRule {
        String reason();

        Optional<Category> category();

        Optional<String> subcategory();

        Optional<String> region();
    }
}
