package com.telco.complaints.routing;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.lifecycle.CaseFold;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.routing.config.RoutingConfig;
import com.telco.complaints.routing.domain.Incident;
import com.telco.complaints.routing.domain.IncidentNotices;
import com.telco.complaints.routing.domain.Incidents;
import com.telco.complaints.routing.store.CaseStore;
import com.telco.complaints.routing.store.IncidentStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An operator declares an outage incident (seed 002): numbered per business day, and every open complaint routing
 * knows that it gathers joins it at once ({@code IncidentLinked}, with the notices to the emergency group the links
 * tip), in the transaction that records it, behind the closed incident gate ({@link IncidentDoor}); run again when
 * the database breaks a deadlock with it ({@link Deadlocks}). A declaration retried with the same Idempotency-Key by
 * the same operator finds the incident it declared, and declares no second one. Complaints registered later join it
 * as the consumer reads them, while it is open.
 */
@ApplicationScoped
public class Declaring {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * What the operator declares.
     *
     * @param department the department that works the incident (the caller chose or checked it)
     */
    public record Declaration(String region, Category category, String title,
                              String faultDescription, Instant estimatedRepairAt, String department,
                              Incident.Match match) {}

    @Inject
    IncidentStore incidents;
    @Inject
    CaseStore cases;
    @Inject
    CaseByCase caseByCase;
    @Inject
    IncidentNotices notices;
    @Inject
    RoutingConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;

    /**
     * The incident a declaration left: declared now, or, for a retried declaration (the same Idempotency-Key by the
     * same operator), the one it declared before.
     */
    public record Declared(Incident incident, boolean before) {}

    /** The same Idempotency-Key by the same operator came with another declaration. */
    public static final class KeyReused extends RequestProblems.Conflict {
        public KeyReused(String message) {
            super("idempotency-key-reused", "Idempotency-Key reused", message);
        }
    }

    /**
     * @param idempotencyKey the request's Idempotency-Key; null without one (each request then declares an incident)
     * @return the incident as declared, with the complaints it gathered at once counted
     * @throws KeyReused when the operator's key declared another incident before
     */
    public Declared declare(Declaration d, String operator, String idempotencyKey, String causationId) {
        Declared declared = Deadlocks.retried("declaring an incident", () -> QuarkusTransaction.requiringNew()
                .call(() -> declareOnce(d, operator, idempotencyKey, causationId)));
        if (!declared.before()) {
            meters.counter("routing.incidents.declared", "department", declared.incident().department()).increment();
        }
        return declared;
    }

    private Declared declareOnce(Declaration d, String operator, String idempotencyKey, String causationId) {
        incidents.closeForChanges(); // declarations take turns: a retry finds the one it repeats committed
        Optional<Incident> before = idempotencyKey == null ? Optional.empty()
                : incidents.declaredWith(operator, idempotencyKey);
        if (before.isPresent()) {
            if (!sameDeclaration(before.get(), d)) {
                throw new KeyReused("The Idempotency-Key declared incident " + before.get().incidentId()
                        + " with another body; use a new key for a new declaration");
            }
            return new Declared(before.get(), true);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = LocalDate.ofInstant(now, config.incidents().zone());
        int number = incidents.nextNumber(day);
        Incident incident = new Incident("INC-" + DAY.format(day) + "-" + String.format("%04d", number), d.region(),
                d.category(), d.title().strip(), d.faultDescription().strip(), d.department(), d.match(), now,
                operator, d.estimatedRepairAt(), 1, Incident.Status.OPEN, null, 0, Set.of());
        incidents.insert(incident, day, number, idempotencyKey);
        AtomicReference<Incident> linking = new AtomicReference<>(incident);
        caseByCase.decide(cases.candidates(incident), now, state -> link(state, linking, now, operator, causationId));
        incidents.saveLinks(List.of(linking.get()));
        return new Declared(linking.get(), false);
    }

    /** Whether {@code incident} is what {@code d} declares (as declared: its estimate may have changed since). */
    private static boolean sameDeclaration(Incident incident, Declaration d) {
        return incident.region().equals(d.region()) && incident.category() == d.category()
                && incident.title().equals(d.title().strip())
                && incident.faultDescription().equals(d.faultDescription().strip())
                && incident.department().equals(d.department()) && incident.match().equals(d.match());
    }

    /** The complaint's link to the incident, and the notice it tips; nothing when it may not join. */
    private List<ComplaintEvent> link(CaseState state, AtomicReference<Incident> incident, Instant now,
                                      String operator, String causationId) {
        if (!Incidents.linkable(state) || !Incidents.matches(incident.get(), state.registration())) {
            return List.of();
        }
        IncidentLinked link = Incidents.link(state, incident.get(), now, operator, causationId);
        IncidentNotices.AfterLink after = notices.after(incident.get(), CaseFold.apply(state, link).state(), link, now);
        incident.set(after.incident());
        List<ComplaintEvent> events = new ArrayList<>(List.of(link));
        events.addAll(after.notices());
        return events;
    }
}
