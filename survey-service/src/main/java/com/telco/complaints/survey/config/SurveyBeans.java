package com.telco.complaints.survey.config;

import com.telco.complaints.survey.domain.SurveyRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The domain objects, built from configuration; a bad configuration stops start-up here. */
@ApplicationScoped
public class SurveyBeans {

    /** Built at start-up, so that a limit below 1 stops the service at once. */
    @Produces
    @Singleton
    @Startup
    SurveyRules surveyRules(SurveyConfig config) {
        return new SurveyRules(config.attemptLimit(), config.unreachableLimit());
    }
}
