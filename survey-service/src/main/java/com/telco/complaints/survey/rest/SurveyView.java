package com.telco.complaints.survey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.eventing.rest.PersonalData;
import com.telco.complaints.survey.store.SurveyTaskStore.TaskRow;

import java.time.Instant;

/**
 * A survey task as a survey agent sees it: who to call about what, what the department reported,
 * and the SURVEY deadline once the SLA service announced it. A caller who may see the case but not
 * the person sees the customer's name and phone masked; free text (the demand, the result, the
 * answer) is shown as it is.
 *
 * @param complaintId the complaint number
 * @param dispatchId  the work order surveyed; absent for the survey of the answer given at the first contact
 * @param result      what the department reported: reconstruction, customerDemand, problemFound, measures; for
 *                    the answer given at the first contact, its measures and explanation
 * @param faultOf     who was at fault, as the return named it (DEPARTMENT, CUSTOMER_SERVICE_CENTRE, THIRD_PARTY,
 *                    CUSTOMER, NONE); absent when it named none. A customer dissatisfied at the customer-service
 *                    centre's own fault is recorded (closed as RECORDED), not redispatched
 * @param accountable who the return held accountable (追究相关人员责任); absent when it named nobody
 * @param answer      what the customer answered; absent until a survey call was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyView(String complaintId, String dispatchId, int attempt, String status, String outcome,
                         String department, CustomerView customer, String channel, String category, String subcategory,
                         String urgency, String region, String demand, Instant returnedAt, String returnedBy,
                         String resolution, Boolean operatorAtFault, JsonNode result, String faultOf,
                         String accountable, Instant warnAt, Instant surveyDeadline, int unreachableCount,
                         Instant answeredAt, AnswerView answer) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerView(String name, String phone, String tier) {}

    /** The last survey call: who made it, and for a dissatisfied customer why, whose fault, what was explained. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(String surveyedBy, String reason, Boolean operatorAtFault, String explanation) {}

    /** @param customerMasked whether the customer's name and phone are masked ({@link PersonalData}) */
    static SurveyView of(TaskRow r, boolean customerMasked) {
        CustomerView customer = customerMasked
                ? new CustomerView(PersonalData.maskName(r.customerName()), PersonalData.maskPhone(r.customerPhone()),
                        r.customerTier())
                : new CustomerView(r.customerName(), r.customerPhone(), r.customerTier());
        return new SurveyView(r.complaintId(), r.dispatchId(), r.attempt(), r.status(), r.outcome(), r.department(),
                customer, r.channel(), r.category(), r.subcategory(), r.urgency(), r.region(), r.demand(),
                r.returnedAt(), r.returnedBy(), r.resolution(), r.operatorAtFault(), r.result(), r.faultOf(),
                r.accountable(), r.warnAt(), r.surveyDeadline(), r.unreachableCount(), r.answeredAt(),
                r.surveyedBy() == null ? null : new AnswerView(r.surveyedBy(), r.reason(), r.answerOperatorAtFault(), r.explanation()));
    }
}
