package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sends complaints that match every criterion it sets to a department. Criteria left empty match
 * anything. Among matching rules the highest priority wins (overrides such as the regulator's
 * escalation desk and the key-customer green channel have a high one), then the most specific
 * (most criteria set), then the name, so the choice never depends on configuration order.
 */
public record DispatchRule(String name, int priority, Optional<Category> category, Optional<String> region,
                           Optional<Channel> channel, Optional<CustomerTier> tier, Optional<Urgency> urgency,
                           String department) {

    public boolean matches(ComplaintRegistered c) {
        return category.map(v -> v == c.category()).orElse(true)
                && region.map(v -> v.equalsIgnoreCase(c.region())).orElse(true)
                && channel.map(v -> v == c.channel()).orElse(true)
                && tier.map(v -> v == c.customer().tier()).orElse(true)
                && urgency.map(v -> v == c.urgency()).orElse(true);
    }

    /** How many criteria the rule sets. */
    public int specificity() {
        return (int) Stream.of(category, region, channel, tier, urgency).filter(Optional::isPresent).count();
    }

    /** The rule as shown to operators, e.g. {@code category=NETWORK,region=TZ-HL}. */
    public String criteria() {
        StringBuilder s = new StringBuilder();
        category.ifPresent(v -> s.append(",category=").append(v));
        region.ifPresent(v -> s.append(",region=").append(v));
        channel.ifPresent(v -> s.append(",channel=").append(v));
        tier.ifPresent(v -> s.append(",tier=").append(v));
        urgency.ifPresent(v -> s.append(",urgency=").append(v));
        return s.length() == 0 ? "*" : s.substring(1);
    }
}
