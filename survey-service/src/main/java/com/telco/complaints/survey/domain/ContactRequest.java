package com.telco.complaints.survey.domain;

import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.FinalAnswer;

import java.time.Instant;

/**
 * A contact the customer desk records, as read from the request; any field may be absent until
 * {@link Contacts#errors} has judged it.
 *
 * @param contactedBy who made the contact: the caller's token subject
 */
public record ContactRequest(ContactKind kind, ContactChannel channel, Boolean reached, String summary,
                             Instant agreedNextContactBy, FinalAnswer answer, String contactedBy) {}
