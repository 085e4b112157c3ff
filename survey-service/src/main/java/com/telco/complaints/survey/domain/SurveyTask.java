package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Urgency;

import java.time.Instant;

/**
 * The survey of one returned work order, or of the answer given at the first contact of a complaint resolved
 * then (no work order: {@code dispatchId} null, attempt 0, "returned" at registration), as far as it follows from
 * the case's folded state. What the department reported and what the agent answered come from the events
 * themselves.
 *
 * @param outcome        null while pending
 * @param faultOf        who was at fault, as the return named it; null when it named none (and at the first contact)
 * @param warnAt         the SURVEY clock's warning point, once the SLA service announced it
 * @param surveyDeadline the SURVEY clock's deadline (T2), once announced
 * @param answeredAt     when the answer (or the closing) ended the survey
 * @param firstContactAnswer what the customer was told at the first contact; null for a work order's survey
 */
public record SurveyTask(String dispatchId, String complaintId, int attempt, String department, SurveyStatus status,
                         AnswerOutcome outcome, Customer customer, Channel channel, Category category,
                         String subcategory, Urgency urgency, String region, String demand, Instant returnedAt,
                         Resolution resolution, Boolean operatorAtFault, FaultParty faultOf, Instant warnAt,
                         Instant surveyDeadline, Instant answeredAt, FirstContactResolution firstContactAnswer) {

    /** The task's key: its work order, or for the answer given at the first contact the complaint number. */
    public static String key(String complaintId, String dispatchId) {
        return dispatchId != null ? dispatchId : complaintId;
    }

    public String key() {
        return key(complaintId, dispatchId);
    }

    /** The survey of the answer given at the first contact, not of a work order. */
    public boolean firstContact() {
        return dispatchId == null;
    }
}
