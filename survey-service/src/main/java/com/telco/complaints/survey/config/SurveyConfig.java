package com.telco.complaints.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** survey-service settings. Validated at start-up. */
@ConfigMapping(prefix = "survey")
public interface SurveyConfig {

    /**
     * Work orders a case may have before the manager hotline; a dissatisfied customer (operator at fault) on
     * the last one is handed to the hotline, which adds a work order of its own.
     */
    @WithDefault("3")
    int attemptLimit();

    /** Survey calls that may miss the customer before the case closes as unreachable. */
    @WithDefault("3")
    int unreachableLimit();

    /** The business zone, in which customers are told times (an incident's estimated repair time). */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

}
