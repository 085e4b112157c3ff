package com.telco.complaints.intake.domain;

import com.telco.complaints.contracts.event.BillingDispute;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.FirstContactResolution;
import com.telco.complaints.contracts.event.Urgency;

/**
 * A submission that passed validation, normalized (phone digits, upper-case region), not yet
 * classified or numbered.
 *
 * @param urgency                as requested; classification may raise it
 * @param resolvedAtFirstContact what was done and said when the complaint was resolved during the first contact
 *                               (即时处理); null when it is to be dispatched
 * @param billingDispute         the service provider's charge a BUSINESS complaint disputes (seed 004); null for none
 */
public record ComplaintDraft(
        Channel channel, Category category, String subcategory, Urgency urgency, String region,
        Customer customer, String description, String demand, ExternalRef externalRef,
        FirstContactResolution resolvedAtFirstContact, BillingDispute billingDispute) {}
