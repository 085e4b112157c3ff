package com.telco.complaints.sla.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.Urgency;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The limit of one clock for the complaints it matches: in calendar time, in working time, or the
 * end of the working day; and the share of it after which a warning is raised. Criteria left empty
 * match anything; among matching policies the most specific wins.
 *
 * @param limit null for {@link LimitKind#END_OF_WORKING_DAY}
 */
public record SlaPolicy(String id, SlaClock clock, Optional<Category> category, Optional<Urgency> urgency,
                        Optional<CustomerTier> tier, Optional<Channel> channel, LimitKind kind, Duration limit,
                        double warningRatio) {

    public SlaPolicy {
        if (!(warningRatio > 0 && warningRatio < 1)) {
            throw new IllegalArgumentException("policy " + id + ": warning ratio must be within (0, 1), is " + warningRatio);
        }
        if (kind == LimitKind.END_OF_WORKING_DAY) {
            if (limit != null) {
                throw new IllegalArgumentException("policy " + id + ": an end-of-working-day policy has no limit");
            }
        } else if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("policy " + id + ": the limit must be positive, is " + limit);
        }
    }

    public boolean matches(CaseProfile profile) {
        return category.map(c -> c == profile.category()).orElse(true)
                && urgency.map(u -> u == profile.urgency()).orElse(true)
                && tier.map(t -> t == profile.tier()).orElse(true)
                && channel.map(c -> c == profile.channel()).orElse(true);
    }

    public int specificity() {
        return (int) Stream.of(category, urgency, tier, channel).filter(Optional::isPresent).count();
    }

    /** The warning point and deadline of a clock started at {@code start}. */
    public Deadlines deadlinesFrom(Instant start, BusinessCalendar calendar) {
        Instant deadline = switch (kind) {
            case CALENDAR -> start.plus(limit);
            case WORKING -> calendar.addWorkingTime(start, limit);
            case END_OF_WORKING_DAY -> calendar.endOfWorkingDay(start);
        };
        Instant warnAt = kind == LimitKind.CALENDAR
                ? start.plusNanos(Math.round(Duration.between(start, deadline).toNanos() * warningRatio))
                : calendar.fractionOfWorkingTime(start, deadline, warningRatio);
        // The database keeps microseconds; announced instants must survive a round trip unchanged.
        return new Deadlines(warnAt.truncatedTo(ChronoUnit.MICROS), deadline.truncatedTo(ChronoUnit.MICROS));
    }

    public SlaPolicyApplied applied() {
        return new SlaPolicyApplied(id, kind, limit, warningRatio);
    }

    /** When a warning and a breach are due. */
    public record Deadlines(Instant warnAt, Instant deadline) {}
}
