package com.telco.complaints.survey;

import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.survey.domain.ContactRequest;
import com.telco.complaints.survey.domain.Contacts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer desk records a contact ({@link OneDecision}): a closed case takes none; two racing contacts
 * get consecutive numbers; a request repeated with the same idempotency key gets the contact it recorded
 * the first time.
 */
@ApplicationScoped
public class Contacting {

    /**
     * What recording did.
     *
     * @param replayed true when the request repeated one already taken with the same idempotency key
     */
    public record Recorded(CustomerContacted contact, boolean replayed) {}

    @Inject
    OneDecision decisions;
    @Inject
    MeterRegistry meters;

    /**
     * @param now         when the contact is recorded, which is when it happened
     * @param causationId the request: its idempotency key, or a request id
     * @throws OneDecision.ComplaintNotFound for a complaint survey has not seen registered
     * @throws Contacts.ContactRefused       when the case is closed
     */
    public Recorded record(String complaintId, ContactRequest request, Instant now, String causationId,
                           boolean idempotent) {
        Recorded recorded = decisions.decide(complaintId, state -> {
            if (idempotent) {
                Optional<CustomerContacted> repeated = Contacts.recordedBy(state, causationId, request);
                if (repeated.isPresent()) {
                    return OneDecision.Decided.repeated(new Recorded(repeated.get(), true));
                }
            }
            CustomerContacted contact = Contacts.decide(state, request, now, causationId);
            return new OneDecision.Decided<>(List.of(contact), new Recorded(contact, false));
        }, Contacts.ContactRefused::new);
        if (!recorded.replayed()) {
            meters.counter("survey.contacts", "kind", recorded.contact().kind().name(),
                    "reached", String.valueOf(recorded.contact().reachedCustomer())).increment();
        }
        return recorded;
    }
}
