package com.telco.complaints.analytics.config;

import com.telco.complaints.analytics.domain.Hotspots;
import com.telco.complaints.analytics.domain.SpKpis;
import com.telco.complaints.analytics.rest.ConsoleResource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The domain objects, built from configuration; a bad configuration stops start-up here. */
@ApplicationScoped
public class AnalyticsBeans {

    @Produces
    @Singleton
    @Startup
    Hotspots.Rule hotspotRule(AnalyticsConfig config) {
        return new Hotspots.Rule(config.hotspots().minCount(), config.hotspots().factor(), config.hotspots().baseline());
    }

    @Produces
    @Singleton
    SpKpis.Subscribers spSubscribers(AnalyticsConfig config) {
        return new SpKpis.Subscribers(config.spSubscribers());
    }

    @Produces
    @Singleton
    @Startup
    ConsoleResource.Settings consoleSettings(ConsoleConfig config) {
        return ConsoleResource.Settings.of(config);
    }
}
