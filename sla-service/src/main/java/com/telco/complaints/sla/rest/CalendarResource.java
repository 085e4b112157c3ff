package com.telco.complaints.sla.rest;

import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.DayKind;
import com.telco.complaints.sla.domain.WorkingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The business calendar in force: every day with its kind and working periods. Not confidential, and
 * every role plans by it: any authenticated caller may read it.
 */
@Path("/sla/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
public class CalendarResource {

    private static final int MAX_DAYS = 400;

    @Inject
    BusinessCalendar calendar;
    @Inject
    Clock clock;

    public record Day(LocalDate date, DayKind kind, List<String> workingPeriods) {}

    public record CalendarView(String zone, LocalDate from, LocalDate to, List<Day> days) {}

    @GET
    @Operation(summary = "Working periods, holidays and make-up working days from..to (dates, inclusive; default 30 days from today)")
    public CalendarView days(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
        QueryParams params = new QueryParams();
        LocalDate first = params.date("from", from, today);
        LocalDate last = params.date("to", to, first.plusDays(30));
        if (last.isBefore(first)) {
            params.fail("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            params.fail("to", "at most " + MAX_DAYS + " days after from");
        }
        params.validate();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(new Day(d, calendar.kindOf(d), calendar.periodsOf(d).stream().map(WorkingPeriod::toString).toList()));
        }
        return new CalendarView(calendar.zone().getId(), first, last, days);
    }
}
