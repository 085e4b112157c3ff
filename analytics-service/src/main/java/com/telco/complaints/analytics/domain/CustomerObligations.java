package com.telco.complaints.analytics.domain;

import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.lifecycle.ClockState;

import java.time.Instant;
import java.util.Optional;

/**
 * What the customer of one case was owed and given (DB3212/T 1102-2022), as settled by the log: a
 * figure is judged once its outcome is certain (met, or its deadline breached), so that an open case
 * whose deadline has not come yet counts neither way. A complaint resolved at the first contact (即时处理) was
 * reached and given its final answer at registration: its contact and answer are settled and on time, and its
 * reply given, from registration on, whether the SLA service announced its CONTACT and ANSWER clocks or not
 * (any deadline of theirs lies after the registration).
 *
 * @param contactJudged  1 when the first contact is settled: the customer was reached, or CONTACT was breached
 * @param contactOnTime  1 when the customer was first reached at or before the CONTACT deadline
 * @param answerJudged   1 when the answer is settled: given, or ANSWER was breached
 * @param answerOnTime   1 when the final answer was given at or before the ANSWER deadline
 * @param replyDue       1 when an answer is owed by now: the ANSWER deadline passed (breached), the answer was
 *                       given, or the case closed
 * @param replied        1 when it is owed and was given
 * @param progressJudged PROGRESS runs settled: ended (by a contact, the answer or the close) or breached
 * @param progressMet    of those, the runs ended at or before their deadline without a breach
 */
public record CustomerObligations(int contactJudged, int contactOnTime, int answerJudged, int answerOnTime,
                                  int replyDue, int replied, int progressJudged, int progressMet) {

    /**
     * A case without the customer's clocks (registered before they existed, or not yet announced) and not resolved
     * at the first contact.
     */
    public static final CustomerObligations NONE = new CustomerObligations(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * A complaint resolved at the first contact: reached and answered at registration, every figure met; the SLA
     * service starts no PROGRESS run for it.
     */
    static final CustomerObligations MET_AT_FIRST_CONTACT = new CustomerObligations(1, 1, 1, 1, 1, 1, 0, 0);

    public static CustomerObligations of(CaseState state) {
        if (state.resolvedAtFirstContact()) {
            return MET_AT_FIRST_CONTACT;
        }
        Optional<ClockState> contact = state.clock(SlaClock.CONTACT, null);
        Optional<ClockState> answer = state.clock(SlaClock.ANSWER, null);
        Instant reached = state.firstReachedAt().orElse(null);
        Instant answered = state.answeredAt().orElse(null);
        int contactJudged = contact.map(c -> reached != null || c.breachedAt() != null ? 1 : 0).orElse(0);
        int contactOnTime = contact.map(c -> reached != null && !reached.isAfter(c.deadline()) ? 1 : 0).orElse(0);
        int answerJudged = answer.map(c -> answered != null || c.breachedAt() != null ? 1 : 0).orElse(0);
        int answerOnTime = answer.map(c -> answered != null && !answered.isAfter(c.deadline()) ? 1 : 0).orElse(0);
        int replyDue = answer.map(c -> answered != null || c.breachedAt() != null || state.isClosed() ? 1 : 0)
                .orElse(0);
        int replied = replyDue == 1 && answered != null ? 1 : 0;
        int progressJudged = 0;
        int progressMet = 0;
        for (ClockState run : state.clocks()) {
            if (run.clock() != SlaClock.PROGRESS) {
                continue;
            }
            Instant stopped = state.stoppedAt(run).orElse(null);
            if (stopped == null && run.breachedAt() == null) {
                continue;
            }
            progressJudged++;
            if (run.breachedAt() == null && stopped != null && !stopped.isAfter(run.deadline())) {
                progressMet++;
            }
        }
        return new CustomerObligations(contactJudged, contactOnTime, answerJudged, answerOnTime, replyDue, replied,
                progressJudged, progressMet);
    }
}
