package com.telco.complaints.sla.rest;

import com.telco.complaints.sla.messaging.CalendarBook;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.LocalDate;

/**
 * {@code /q/health/well}: whether the business calendar is confirmed far enough ahead. DOWN while fewer than
 * {@code sla.calendar.confirmed-days-wanted} (45) days after today have a loaded holiday notice: working-time
 * deadlines over the days after are computed on a guess; DOWN too until the business-calendar topic was read. Readiness
 * is not affected. Note that {@code /q/health} as a whole includes the wellness checks.
 */
@Wellness
@ApplicationScoped
public class CalendarWellness implements HealthCheck {

    @Inject
    CalendarBook book;

    @Override
    public HealthCheckResponse call() {
        long ahead = book.daysConfirmedAhead();
        LocalDate today = book.now().atZone(book.asItStands().zone()).toLocalDate();
        return HealthCheckResponse.named("business-calendar")
                .status(ahead >= book.daysWanted() && book.topicRead())
                .withData("topicRead", book.topicRead())
                .withData("today", today.toString())
                .withData("confirmedDaysAhead", ahead)
                .withData("confirmedThrough", today.plusDays(ahead).toString())
                .withData("wanted", book.daysWanted())
                .withData("next", ahead >= book.daysWanted() ? "nothing to do"
                        : "load the holiday notice of " + today.plusDays(ahead + 1).getYear()
                                + ": PUT /sla/calendar/" + today.plusDays(ahead + 1).getYear())
                .build();
    }
}
