package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;

/** What of a complaint decides its limits. */
public record CaseProfile(Category category, Urgency urgency, CustomerTier tier, Channel channel) {

    public static CaseProfile of(ComplaintRegistered registered) {
        return new CaseProfile(registered.category(), registered.urgency(), registered.customer().tier(),
                registered.channel());
    }
}
