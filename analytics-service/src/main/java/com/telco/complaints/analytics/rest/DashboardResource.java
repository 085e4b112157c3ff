package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.ConsoleConfig;
import com.telco.complaints.analytics.domain.BusinessDay;
import com.telco.complaints.analytics.store.CaseStore;
import com.telco.complaints.contracts.lifecycle.CaseStatus;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the operations dashboard (the web console's wall): cases by status now, and one day's registrations
 * per hour and closures, in the business time zone ({@code console.zone}). For operators, administrators and auditors;
 * counts only, no customer's personal data.
 */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class DashboardResource {

    /** @param hour the hour's start: local date and time with the zone's offset, e.g. 2026-12-01T09:00+08:00 */
    public record HourCount(String hour, long count) {}

    /**
     * @param byStatus             every case status, in the lifecycle's order, with the cases in it now (0 when none)
     * @param open                 the cases not CLOSED
     * @param registrationsPerHour the day's hours in order (24; 23 or 25 on a day the zone's offset changes)
     * @param registered           the day's registrations (their sum)
     * @param closed               the cases closed that day
     */
    public record DashboardView(Instant asOf, String zone, LocalDate date, Map<CaseStatus, Long> byStatus, long open,
                                List<HourCount> registrationsPerHour, long registered, long closed) {}

    @Inject
    CaseStore cases;
    @Inject
    ConsoleConfig console;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The dashboard: cases by status now, and a day's registrations per hour and closures",
            description = "date (YYYY-MM-DD, default today) is a day of the business time zone (zone, console.zone: "
                    + "Asia/Shanghai by default). byStatus: every status (REGISTERED, TRIAGE, DISPATCHED, RETURNED, "
                    + "SATISFIED, DISSATISFIED, CLOSED, RESOLVED_AT_FIRST_CONTACT) with the cases in it as of asOf, 0 "
                    + "when none; open: the cases not CLOSED. registrationsPerHour: for each hour of the date, its "
                    + "start (local time with the zone's offset, e.g. 2026-12-01T09:00+08:00) and the complaints "
                    + "registered (ComplaintRegistered.occurredAt) in [start, start + 1 h): 24 hours (23 or 25 on a "
                    + "day the zone's offset changes), hours still to come count 0; registered: their sum. closed: the cases closed (ComplaintClosed.occurredAt) "
                    + "that date. The figures are read one after another, not in one snapshot.")
    public DashboardView get(@QueryParam("date") String date) {
        QueryParams params = new QueryParams();
        Instant now = clock.instant();
        ZoneId zone = console.zone();
        LocalDate day = params.date("date", date, LocalDate.ofInstant(now, zone));
        params.validate();

        Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        Map<String, Long> counted = cases.countByStatus();
        long open = 0;
        for (CaseStatus status : CaseStatus.values()) {
            long n = counted.getOrDefault(status.name(), 0L);
            byStatus.put(status, n);
            if (status != CaseStatus.CLOSED) {
                open += n;
            }
        }

        BusinessDay business = new BusinessDay(day, zone);
        List<Instant> hours = business.hourStarts();
        long[] perHour = cases.registrationsPer(hours, business.end());
        List<HourCount> registrations = new ArrayList<>(hours.size());
        long registered = 0;
        for (int i = 0; i < hours.size(); i++) {
            registrations.add(new HourCount(business.label(hours.get(i)), perHour[i]));
            registered += perHour[i];
        }
        return new DashboardView(now, zone.getId(), day, byStatus, open, registrations, registered,
                cases.closedBetween(business.start(), business.end()));
    }
}
