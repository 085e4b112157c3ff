package com.telco.complaints.routing.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.WorkOrder;

import java.time.Instant;

/**
 * The complaint on a work order, as known when it was dispatched, in the four parts seed 001 forwards to the
 * department (事件还原, 客户诉求, 存在问题, 解决措施) and with what the department needs to act: the customer to call
 * back, how the complaint is classified, and, for an order a failed survey caused, why the customer was
 * dissatisfied. Routing keeps it from the registration it already reads; no service is asked.
 *
 * @param reconstruction  the event as the customer told it (the registration's description)
 * @param customerDemand  what the customer asks for
 * @param problemFound    the problem found so far: the explanation given at the first contact, if one was
 * @param measures        the measures so far: those taken at the first contact, if any
 * @param dissatisfaction why the customer was dissatisfied with the answer before this order; null for a first
 *                        dispatch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderBrief(String reconstruction, String customerDemand, String problemFound, String measures,
                         Customer customer, Category category, String subcategory, Urgency urgency, Channel channel,
                         String region, Instant registeredAt, Instant promisedReplyBy, String dissatisfaction) {

    static OrderBrief of(CaseState state, WorkOrder order) {
        ComplaintRegistered r = state.registration();
        FirstContactResolution firstContact = r.resolvedAtFirstContact();
        return new OrderBrief(r.description(), r.demand(), firstContact == null ? null : firstContact.explanation(),
                firstContact == null ? null : firstContact.measures(), r.customer(), r.category(), r.subcategory(),
                r.urgency(), r.channel(), r.region(), r.occurredAt(), r.promisedReplyBy(), order.dissatisfaction());
    }
}
