package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.Urgency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A fixture for the unit tests: the default policies as shipped (ShippedPoliciesIT checks the shipped configuration itself). */
final class Policies {

    private Policies() {}

    static SlaPolicy policy(String id, SlaClock clock, Urgency urgency, CustomerTier tier, Channel channel,
                            LimitKind kind, Duration limit) {
        return new SlaPolicy(id, clock, Optional.empty(), Optional.ofNullable(urgency), Optional.ofNullable(tier),
                Optional.ofNullable(channel), kind, limit, 0.8);
    }

    static SlaPolicies defaults() {
        return new SlaPolicies(List.of(
                policy("return-default", SlaClock.RETURN, null, null, null, LimitKind.CALENDAR, Duration.ofHours(48)),
                policy("return-normal", SlaClock.RETURN, Urgency.NORMAL, null, null, LimitKind.CALENDAR, Duration.ofHours(48)),
                policy("return-urgent", SlaClock.RETURN, Urgency.URGENT, null, null, LimitKind.CALENDAR, Duration.ofHours(24)),
                policy("return-key-normal", SlaClock.RETURN, Urgency.NORMAL, CustomerTier.KEY, null, LimitKind.CALENDAR,
                        Duration.ofHours(24)),
                policy("return-key-urgent", SlaClock.RETURN, Urgency.URGENT, CustomerTier.KEY, null, LimitKind.CALENDAR,
                        Duration.ofHours(12)),
                policy("return-regulator", SlaClock.RETURN, null, null, Channel.REGULATOR, LimitKind.CALENDAR,
                        Duration.ofHours(24)),
                policy("survey-default", SlaClock.SURVEY, null, null, null, LimitKind.END_OF_WORKING_DAY, null),
                policy("case-default", SlaClock.CASE, null, null, null, LimitKind.CALENDAR, Duration.ofDays(15)),
                policy("contact-default", SlaClock.CONTACT, null, null, null, LimitKind.CALENDAR, Duration.ofHours(24)),
                policy("answer-default", SlaClock.ANSWER, null, null, null, LimitKind.CALENDAR, Duration.ofHours(48)),
                policy("progress-default", SlaClock.PROGRESS, null, null, null, LimitKind.CALENDAR,
                        Duration.ofHours(48)),
                policy("dispatch-default", SlaClock.DISPATCH, null, null, null, LimitKind.WORKING,
                        Duration.ofMinutes(225)),
                policy("proof-default", SlaClock.PROOF, null, null, null, LimitKind.CALENDAR, Duration.ofDays(15))));
    }
}
