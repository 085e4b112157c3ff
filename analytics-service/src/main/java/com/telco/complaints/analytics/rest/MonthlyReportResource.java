package com.telco.complaints.analytics.rest;

import com.telco.complaints.analytics.config.AnalyticsConfig;
import com.telco.complaints.analytics.config.ConsoleConfig;
import com.telco.complaints.analytics.domain.BusinessMonth;
import com.telco.complaints.analytics.domain.Hotspots;
import com.telco.complaints.analytics.domain.Kpis;
import com.telco.complaints.analytics.domain.MonthlyReport;
import com.telco.complaints.analytics.rest.pdf.MonthlyReportPdf;
import com.telco.complaints.analytics.store.CaseStore;
import com.telco.complaints.analytics.store.IncidentAndDisputeStore;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The monthly summary to management (000 "评估与改进"): one month of the business time zone against the month before,
 * as JSON or as a PDF to print and file. For operators, administrators and auditors, like the KPIs it is made of;
 * figures only, no customer's personal data.
 */
@Path("/reports/monthly")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
public class MonthlyReportResource {

    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);
    private static final YearMonth EARLIEST = YearMonth.from(QueryParams.EARLIEST);
    private static final YearMonth LATEST = YearMonth.from(QueryParams.LATEST);

    @Inject
    CaseStore cases;
    @Inject
    IncidentAndDisputeStore incidentsAndDisputes;
    @Inject
    Hotspots.Rule hotspotRule;
    @Inject
    AnalyticsConfig config;
    @Inject
    ConsoleConfig console;
    @Inject
    MonthlyReportPdf pdf;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Operation(summary = "The monthly report: a month's volumes, rates against targets, hotspots, breaches, incidents "
            + "and billing disputes, against the month before",
            description = "month (YYYY-MM) is required. The answer is JSON, or a PDF (Chinese, with charts) for "
                    + "Accept: application/pdf; format=json|pdf chooses regardless of Accept. " + MonthlyReport.DEFINITION)
    public Response monthly(@QueryParam("month") String month, @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        QueryParams params = new QueryParams();
        YearMonth asked = month(params, month);
        String chosen = params.oneOf("format", format, List.of("json", "pdf"));
        params.validate();
        boolean asPdf = chosen != null ? chosen.equals("pdf") : prefersPdf(headers.getAcceptableMediaTypes());

        MonthlyReport report = report(new BusinessMonth(asked, console.zone()));
        if (asPdf) {
            return Response.ok(pdf.render(report), PDF_TYPE)
                    .header("Content-Disposition", "inline; filename=\"complaints-report-" + report.month() + ".pdf\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private MonthlyReport report(BusinessMonth month) {
        Duration recurrence = config.kpis().recurrenceWindow();
        BusinessMonth previous = month.previous();
        Hotspots.Rule rule = MonthlyReport.hotspotRule(hotspotRule, month);
        Hotspots.Periods periods = MonthlyReport.hotspotPeriods(month);
        return MonthlyReport.of(month, cases.kpiCases(month.start(), month.end(), recurrence),
                cases.kpiCases(previous.start(), previous.end(), recurrence),
                new Kpis.Subscribers(config.kpis().subscribers()),
                Hotspots.detect(cases.pairCounts(periods), month.length(), rule),
                incidentsAndDisputes.incidents(month.start(), month.end()),
                incidentsAndDisputes.billingDisputes(month.start(), month.end()));
    }

    /** A month such as 2026-11, between 1970-01 and 9999-12; required. */
    private static YearMonth month(QueryParams params, String value) {
        if (value == null || value.isBlank()) {
            params.fail("month", "is required: a month such as 2026-11");
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.trim());
            return params.check("month", month, m -> m.isBefore(EARLIEST) || m.isAfter(LATEST)
                    ? "must lie between " + EARLIEST + " and " + LATEST : null);
        } catch (DateTimeParseException e) {
            params.fail("month", "must be a month such as 2026-11");
            return null;
        }
    }

    /**
     * Whether the caller's preferred answer is the PDF: the first of its acceptable types (in their order of
     * preference) that either answer fits decides; JSON where both fit (a wildcard, or no Accept at all).
     */
    private static boolean prefersPdf(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(PDF_TYPE)) {
                return true;
            }
        }
        throw new NotAcceptableException("This door answers application/json or application/pdf");
    }
}
