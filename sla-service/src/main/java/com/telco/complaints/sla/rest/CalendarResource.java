package com.telco.complaints.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.calendar.BusinessCalendarPublished;
import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.QueryParams;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.DayKind;
import com.telco.complaints.sla.domain.HolidayNotice;
import com.telco.complaints.sla.domain.WorkingPeriod;
import com.telco.complaints.sla.messaging.CalendarBook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The business calendar in force: every day with its kind and working periods, and each year's holiday notice
 * with where it came from. Not confidential, and every role plans by it: any authenticated caller may read it.
 * An administrator loads a year's notice on the running system ({@code PUT /sla/calendar/{year}}).
 */
@Path("/sla/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
public class CalendarResource {

    private static final int MAX_DAYS = 400;
    private static final int MAX_SOURCE = 500;

    @Inject
    CalendarBook book;
    @Inject
    Caller caller;

    /**
     * A day. {@code kind} is {@code UNCONFIRMED} for a day of a year without a notice, with {@code guess} (by the
     * working week alone) beside it, which is what deadlines take it for until the notice is loaded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(LocalDate date, String kind, DayKind guess, List<String> workingPeriods) {}

    public record CalendarView(String zone, LocalDate from, LocalDate to, List<Day> days) {}

    /**
     * A year's notice in force.
     *
     * @param origin   {@code SHIPPED} (a file of sla.calendar.years) or {@code LOADED} (PUT, on the log)
     * @param source   the file, or what the administrator named the notice
     * @param notices  how many notices of the year were loaded at run time (corrections included)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String origin,
                             String source, String loadedBy, Instant loadedAt, Long offset, UUID eventId,
                             Integer notices) {

        static NoticeView of(CalendarBook.InForce inForce) {
            CalendarBook.Origin o = inForce.origin();
            HolidayNotice n = inForce.notice();
            return new NoticeView(n.year(), List.copyOf(n.holidays()), List.copyOf(n.makeUpWorkdays()),
                    o.shipped() ? "SHIPPED" : "LOADED", o.source(), o.loadedBy(), o.loadedAt(), o.offset(),
                    o.eventId(), o.shipped() ? null : o.notices());
        }
    }

    @GET
    @Operation(summary = "Working periods, holidays and make-up working days from..to (dates, inclusive; default 30 "
            + "days from today)", description = "A day of a year without a loaded notice is UNCONFIRMED, with its "
            + "guess (WORKDAY or WEEKEND by the working week) and the working periods deadlines take from that guess.")
    public CalendarView days(@QueryParam("from") String from, @QueryParam("to") String to) {
        BusinessCalendar calendar = book.current();
        LocalDate today = book.now().atZone(calendar.zone()).toLocalDate();
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
            boolean confirmed = calendar.isConfirmed(d);
            days.add(new Day(d, confirmed ? calendar.kindOf(d).name() : "UNCONFIRMED",
                    confirmed ? null : calendar.guessOf(d),
                    calendar.periodsOf(d).stream().map(WorkingPeriod::toString).toList()));
        }
        return new CalendarView(calendar.zone().getId(), first, last, days);
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "The holiday notice in force for a year, and where it came from",
            description = "origin SHIPPED (a file of sla.calendar.years) or LOADED (PUT /sla/calendar/{year}: who, "
                    + "when, its offset on the business-calendar topic, how many notices of the year were loaded). "
                    + "404 for a year without a notice: its days are UNCONFIRMED.")
    public NoticeView notice(@PathParam("year") String year) {
        int y = year(year);
        return book.notice(y).map(NoticeView::of).orElseThrow(() -> new RequestProblems.NotFound(
                "No holiday notice for " + y + " is loaded: its days are UNCONFIRMED, guessed from the working week"));
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load a year's holiday notice (the text form of the shipped files)",
            description = "year=2027, holidays=<dates, comma-separated>, make-up-workdays=<dates>, as in "
                    + "sla-service's calendar/cn-2026.txt; ?source= names the notice. Validated (dates inside the year, "
                    + "no day both a holiday and a make-up working day, make-up working days on weekend days, some "
                    + "holidays), then put on the log (BusinessCalendarPublished) and in force on every instance. "
                    + "201 when the year had no notice, 200 when it corrects one (or is the notice in force already, "
                    + "then nothing is loaded); 400 naming every problem. Deadlines already announced keep their values.")
    public Response loadText(@PathParam("year") String year, @QueryParam("source") String source,
                             @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body)
            throws InterruptedException {
        int y = year(year);
        List<HolidayNotice.Problem> problems = new ArrayList<>();
        HolidayNotice notice = HolidayNotice.read(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8),
                problems);
        if (notice != null && notice.year() != y) {
            problems.add(new HolidayNotice.Problem("year", "the notice is of " + notice.year() + ", not " + y));
        }
        return load(y, notice, source, problems, idempotencyKey);
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load a year's holiday notice (JSON)",
            description = "{\"holidays\": [\"2027-01-01\", …], \"makeUpWorkdays\": [\"2027-02-14\", …], \"source\": "
                    + "\"<what the notice is>\"}; otherwise as the text form.")
    public Response loadJson(@PathParam("year") String year, @HeaderParam("Idempotency-Key") String idempotencyKey,
                             byte[] body) throws InterruptedException {
        int y = year(year);
        JsonBody parsed = JsonBody.object(body);
        if (!parsed.isObject()) {
            throw new RequestProblems.Invalid(parsed.typeErrors());
        }
        JsonNode json = parsed.json();
        List<HolidayNotice.Problem> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!List.of("holidays", "makeUpWorkdays", "source").contains(name)) {
                problems.add(new HolidayNotice.Problem(name, "is not a field of a notice (holidays, makeUpWorkdays, "
                        + "source)"));
            }
        });
        List<LocalDate> holidays = dates(json, "holidays", problems);
        List<LocalDate> makeUp = dates(json, "makeUpWorkdays", problems);
        JsonNode source = json.get("source");
        if (source != null && !source.isNull() && !source.isTextual()) {
            problems.add(new HolidayNotice.Problem("source", "must be a string"));
        }
        return load(y, new HolidayNotice(y, holidays, makeUp), source == null || !source.isTextual() ? null
                : source.asText(), problems, idempotencyKey);
    }

    private Response load(int year, HolidayNotice notice, String source, List<HolidayNotice.Problem> problems,
                          String idempotencyKey) throws InterruptedException {
        String named = source == null || source.isBlank() ? null : source.strip();
        if (named != null && named.length() > MAX_SOURCE) {
            problems.add(new HolidayNotice.Problem("source", "must be at most " + MAX_SOURCE + " characters"));
        }
        if (notice != null) {
            problems.addAll(notice.problems(book.current()));
        }
        if (!problems.isEmpty() || notice == null) {
            throw new RequestProblems.Invalid(problems.stream().map(p -> new FieldError(p.field(), p.message()))
                    .toList());
        }
        var before = book.notice(year);
        if (before.isPresent() && before.get().notice().equals(notice)) {
            return Response.ok(NoticeView.of(before.get())).build();
        }
        BusinessCalendarPublished published = new BusinessCalendarPublished(UUID.randomUUID(), book.now(),
                BusinessCalendarPublished.VERSION, Causation.of(idempotencyKey, "calendar:" + year), caller.subject(), year,
                List.copyOf(notice.holidays()), List.copyOf(notice.makeUpWorkdays()),
                Objects.requireNonNullElse(named, "PUT /sla/calendar/" + year));
        NoticeView loaded = NoticeView.of(book.publish(published));
        return (before.isPresent() ? Response.ok(loaded) : Response.status(Response.Status.CREATED).entity(loaded))
                .header("Location", "/sla/calendar/" + year).build();
    }

    private static List<LocalDate> dates(JsonNode json, String field, List<HolidayNotice.Problem> problems) {
        JsonNode node = json.get(field);
        List<LocalDate> dates = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (field.equals("holidays")) {
                problems.add(new HolidayNotice.Problem(field, "is required"));
            }
            return dates;
        }
        if (!node.isArray()) {
            problems.add(new HolidayNotice.Problem(field, "must be an array of dates (yyyy-MM-dd)"));
            return dates;
        }
        for (JsonNode item : node) {
            try {
                dates.add(LocalDate.parse(item.asText()));
            } catch (DateTimeParseException e) {
                problems.add(new HolidayNotice.Problem(field, "'" + item.asText() + "' is not a date (yyyy-MM-dd)"));
            }
        }
        return dates;
    }

    private static int year(String year) {
        try {
            int y = Integer.parseInt(year);
            if (y >= 1900 && y <= 2200) {
                return y;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new RequestProblems.Invalid("year", "must be a year from 1900 to 2200");
    }
}
