package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Urgency;

import java.time.Instant;

/**
 * The survey of one returned work order, as far as it follows from the case's folded state. What
 * the department reported and what the agent answered come from the events themselves.
 *
 * @param outcome        null while pending
 * @param warnAt         the SURVEY clock's warning point, once the SLA service announced it
 * @param surveyDeadline the SURVEY clock's deadline (T2), once announced
 * @param answeredAt     when the answer (or the closing) ended the survey
 */
public record SurveyTask(String dispatchId, String complaintId, int attempt, String department, SurveyStatus status,
                         AnswerOutcome outcome, Customer customer, Channel channel, Category category,
                         String subcategory, Urgency urgency, String region, String demand, Instant returnedAt,
                         Resolution resolution, Boolean operatorAtFault, Instant warnAt, Instant surveyDeadline,
                         Instant answeredAt) {}
