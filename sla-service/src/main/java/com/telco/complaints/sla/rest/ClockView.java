package com.telco.complaints.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.TrackedClock;

import java.time.Instant;

/**
 * A clock as it stood at an instant: {@code state} by event time at that instant; the warning and
 * breach raised by then, if any.
 *
 * @param sequence          the run of a clock that runs more than once per case (PROGRESS), from 1; absent otherwise
 * @param calendarConfirmed for a clock in working time: false while its run from start to deadline crosses a day
 *                          of a year without a loaded holiday notice (its deadline counted on a guess of that day);
 *                          absent for a clock in calendar time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockView(String complaintId, String dispatchId, SlaClock clock, Integer sequence, Instant startedAt, Instant warnAt,
                        Instant deadline, TrackedClock.State state, Instant stoppedAt, Instant warningRaisedAt,
                        Instant breachRaisedAt, SlaPolicyApplied policy, Boolean calendarConfirmed) {

    static ClockView of(String complaintId, TrackedClock c, Instant at, BusinessCalendar calendar) {
        boolean workingTime = c.policy() != null && c.policy().kind() != null
                && c.policy().kind() != LimitKind.CALENDAR;
        return new ClockView(complaintId, c.dispatchId(), c.clock(), c.sequence(), c.startedAt(), c.warnAt(), c.deadline(),
                c.stateAt(at), byThen(c.stoppedAt(), at), byThen(c.warnedAt(), at), byThen(c.breachedAt(), at),
                c.policy(), workingTime ? calendar.isConfirmedBetween(c.startedAt(), c.deadline()) : null);
    }

    private static Instant byThen(Instant t, Instant at) {
        return t != null && !t.isAfter(at) ? t : null;
    }
}
