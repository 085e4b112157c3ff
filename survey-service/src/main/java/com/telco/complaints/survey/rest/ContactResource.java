package com.telco.complaints.survey.rest;

import com.telco.complaints.eventing.rest.Caller;
import com.telco.complaints.eventing.rest.Causation;
import com.telco.complaints.eventing.rest.FieldError;
import com.telco.complaints.eventing.rest.JsonBody;
import com.telco.complaints.eventing.rest.RequestProblems;
import com.telco.complaints.eventing.rest.Roles;
import com.telco.complaints.survey.Contacting;
import com.telco.complaints.survey.OneDecision;
import com.telco.complaints.survey.store.CaseStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The customer desk's contact log: every contact with the customer of a complaint (first contact,
 * progress, final answer), recorded by the person who made it. The SLA service's CONTACT, ANSWER and
 * PROGRESS clocks follow these. Only the customer desk (surveyors) records; operators, auditors and
 * administrators read.
 */
@Path("/complaints/{complaintId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    Contacting contacting;
    @Inject
    CaseStore cases;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SURVEYOR)
    @Operation(summary = "Record a contact with the customer",
            description = "kind (FIRST_CONTACT, PROGRESS, FINAL_ANSWER), channel (PHONE, SMS, EMAIL, IN_PERSON, LETTER), "
                    + "reached (true/false), summary; optional agreedNextContactBy (an instant within 15 days that a "
                    + "reached customer agreed to: the next PROGRESS is due then); a FINAL_ANSWER needs answer with "
                    + "cause, process and solution. The contact is made by the token's subject (contactedBy may be "
                    + "left out; naming anyone else is a 400). 201 with the contact and its contactId, and a "
                    + "CustomerContacted event · 404 unknown complaint · 409 closed case · 400 invalid, every wrong "
                    + "field listed. The same Idempotency-Key gives the contact it recorded again (200); with another body it "
                    + "is a 422.")
    public Response record(@PathParam("complaintId") String complaintId,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ContactBody parsed = new ContactBody(JsonBody.object(body), caller.subject());
        caller.mustBe("contactedBy", parsed.declaredContactedBy);
        List<FieldError> errors = parsed.errors(now);
        if (!errors.isEmpty()) {
            throw new RequestProblems.Invalid(errors);
        }
        // A key is its caller's, and a contact's: the same key on another door or by another caller is another request.
        Contacting.Recorded recorded = contacting.record(complaintId, parsed.request, now,
                Causation.of(idempotencyKey, "contact:" + caller.subject()), Causation.given(idempotencyKey));
        ContactView view = ContactView.of(recorded.contact());
        return recorded.replayed() ? Response.ok(view).build()
                : Response.created(URI.create("/complaints/" + complaintId + "/contacts/" + view.contactId()))
                        .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.SURVEYOR, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The contacts with the customer of a complaint, in the order they were made",
            description = "404 for a complaint the customer desk has not seen.")
    public List<ContactView> list(@PathParam("complaintId") String complaintId) {
        return contacts(complaintId).stream().map(ContactView::of).toList();
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed({Roles.SURVEYOR, Roles.OPERATOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One contact with the customer", description = "404 for an unknown complaint or contact.")
    public ContactView get(@PathParam("complaintId") String complaintId, @PathParam("contactId") String contactId) {
        return contacts(complaintId).stream().filter(c -> c.contactId().equals(contactId)).findFirst()
                .map(ContactView::of)
                .orElseThrow(() -> new RequestProblems.NotFound("No contact " + contactId + " of " + complaintId));
    }

    private List<com.telco.complaints.contracts.event.CustomerContacted> contacts(String complaintId) {
        return cases.find(complaintId).filter(s -> s.isRegistered())
                .orElseThrow(() -> new OneDecision.ComplaintNotFound(complaintId)).contacts();
    }
}
