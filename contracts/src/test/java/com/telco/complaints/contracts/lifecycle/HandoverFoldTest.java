package com.telco.complaints.contracts.lifecycle;

import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.SurveyFailed;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static com.telco.complaints.contracts.lifecycle.CaseEvents.C;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.at;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.closed;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.dispatched;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.registered;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.returned;
import static com.telco.complaints.contracts.lifecycle.CaseEvents.wo;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer handed to the manager hotline: the case owes the hotline's work order and cannot close before it. */
class HandoverFoldTest {

    private static CaseState given(ComplaintEvent... events) {
        CaseFold.Result result = CaseFold.fold(C, Arrays.asList(events));
        assertThat(result.rejected()).isEmpty();
        return result.state();
    }

    private static SurveyFailed handover(double hours) {
        return new SurveyFailed(UUID.randomUUID(), C, at(hours), 1, null, "sv-1", wo(1), 1, "Does not accept it",
                false, "Explained the coverage plan", false, true);
    }

    @Test
    void aHandoverIsFollowedByTheHotlinesWorkOrderNotByAClose() {
        CaseState handedOver = given(registered(), dispatched(1, 1), returned(1, 5), handover(6));

        assertThat(handedOver.lastSurveyFailure().owesWorkOrder()).isTrue();
        Transition close = CaseFold.apply(handedOver, closed(CloseOutcome.EXPLAINED, 7));
        assertThat(close).isInstanceOf(Transition.Rejected.class);
        assertThat(((Transition.Rejected) close).rejection().reason()).isEqualTo(RejectionReason.CANNOT_CLOSE);

        Redispatched toHotline = new Redispatched(UUID.randomUUID(), C, at(7), 1, null, "routing-service", wo(2), wo(1),
                2, "manager-hotline", "handover.manager-hotline");
        CaseState atHotline = CaseFold.apply(handedOver, toHotline).state();
        assertThat(atHotline.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(atHotline.currentWorkOrder().orElseThrow().handover()).isTrue();
        assertThat(atHotline.workOrder(wo(1)).orElseThrow().handover()).isFalse();
        assertThat(atHotline.handedOver()).isTrue();
    }

    @Test
    void withoutRedispatchOrHandoverTheCaseClosesAsBefore() {
        CaseState explained = given(registered(), dispatched(1, 1), returned(1, 5), CaseEvents.failed(1, 6, false));

        assertThat(explained.lastSurveyFailure().owesWorkOrder()).isFalse();
        assertThat(CaseFold.apply(explained, closed(CloseOutcome.EXPLAINED, 7)).applied()).isTrue();
        assertThat(explained.handedOver()).isFalse();
    }
}
