package com.telco.complaints.contracts;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.FinalAnswer;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.ExternalRef;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** One fixed example of every event: the golden samples under test resources are these, serialized. */
public final class Samples {

    public static final String CASE = "20261125-00000042";
    public static final Instant T0 = Instant.parse("2026-11-25T01:30:00Z");

    private Samples() {}

    public static Map<EventType, ComplaintEvent> all() {
        Map<EventType, ComplaintEvent> all = new EnumMap<>(EventType.class);
        for (ComplaintEvent event : new ComplaintEvent[] {
                registered(), dispatched(), returned(), surveyPassed(), surveyFailed(), customerUnreachable(),
                redispatched(), clockStarted(), warningRaised(), breached(), closed(), customerContacted(), awaitingTriage(),
                workOrderUrged(), workOrderEscalated(), escalationNotice(), workOrderTransferred(), incidentLinked(),
                estimatedRepairChanged(), spProofReceived(), provisionalRefundGranted()}) {
            all.put(EventType.of(event), event);
        }
        return all;
    }

    public static ComplaintRegistered registered() {
        return new ComplaintRegistered(id(1), CASE, T0, 3, "req-7f3a", "crm",
                Channel.HOTLINE, Category.NETWORK, "weak-signal", Urgency.NORMAL, "TZ-HL",
                new Customer("王丽 Wang Li", "13812345678", CustomerTier.STANDARD, "wang.li@example.cn"),
                "家里从周一起没有信号 📵 No signal at home since Monday", "Fix coverage",
                new ExternalRef("crm", "A-123"), Instant.parse("2026-11-27T01:30:00Z"), null, null);
    }

    public static Dispatched dispatched() {
        return new Dispatched(id(2), CASE, T0.plusSeconds(2), 1, id(1).toString(), "routing-service",
                "W-" + CASE + "-1", 1, "network-ops-tz", "category=NETWORK,region=TZ-HL");
    }

    public static Returned returned() {
        return new Returned(id(3), CASE, T0.plusSeconds(3600), 2, "req-41c2", "agent-17",
                "W-" + CASE + "-1", 1, "network-ops-tz",
                "Base station TZ-0412 lost power on Monday", "Stable signal at home", "Backup battery failed",
                "Battery replaced, signal restored", Resolution.RESOLVED, true, FaultParty.DEPARTMENT,
                "TZ-0412 maintenance crew (battery check overdue)");
    }

    /** {@link #returned()} as its v1 golden sample reads: without faultOf and accountable. */
    public static Returned returnedOfVersionOne() {
        Returned r = returned();
        return new Returned(r.eventId(), r.complaintId(), r.occurredAt(), r.schemaVersion(), r.causationId(), r.actor(),
                r.dispatchId(), r.attempt(), r.department(), r.reconstruction(), r.customerDemand(), r.problemFound(),
                r.measures(), r.resolution(), r.operatorAtFault(), null, null);
    }

    public static SurveyPassed surveyPassed() {
        return new SurveyPassed(id(4), CASE, T0.plusSeconds(7200), 2, "req-9d01", "sv-3", "W-" + CASE + "-1", 1);
    }

    public static SurveyFailed surveyFailed() {
        return new SurveyFailed(id(5), CASE, T0.plusSeconds(7200), 2, "req-9d02", "sv-3", "W-" + CASE + "-1", 1,
                "Still no signal", true, null, true, null);
    }

    public static CustomerUnreachable customerUnreachable() {
        return new CustomerUnreachable(id(6), CASE, T0.plusSeconds(5400), 2, "req-9d00", "sv-3",
                "W-" + CASE + "-1", 1);
    }

    public static Redispatched redispatched() {
        return new Redispatched(id(7), CASE, T0.plusSeconds(7201), 1, id(5).toString(), "routing-service",
                "W-" + CASE + "-2", "W-" + CASE + "-1", 2, "network-ops-tz-supervisor", "redispatch.attempt-2");
    }

    public static SlaClockStarted clockStarted() {
        return new SlaClockStarted(id(8), CASE, T0.plusSeconds(2), 3, id(2).toString(), "sla-service",
                SlaClock.RETURN, "W-" + CASE + "-1", T0.plusSeconds(2),
                T0.plusSeconds(2).plus(Duration.ofMinutes(2304)), T0.plusSeconds(2).plus(Duration.ofHours(48)),
                new SlaPolicyApplied("return.normal", LimitKind.CALENDAR, Duration.ofHours(48), 0.8), null);
    }

    public static SlaWarningRaised warningRaised() {
        SlaClockStarted started = clockStarted();
        return new SlaWarningRaised(id(9), CASE, started.warnAt(), 3, started.eventId().toString(), "sla-service",
                SlaClock.RETURN, started.dispatchId(), started.warnAt(), started.deadline(), null);
    }

    public static SlaBreached breached() {
        SlaClockStarted started = clockStarted();
        return new SlaBreached(id(10), CASE, started.deadline(), 3, started.eventId().toString(), "sla-service",
                SlaClock.RETURN, started.dispatchId(), started.deadline(), null);
    }

    public static ComplaintClosed closed() {
        return new ComplaintClosed(id(11), CASE, T0.plusSeconds(7200), 2, id(4).toString(), "sv-3",
                CloseOutcome.SATISFIED, "W-" + CASE + "-1", "Customer satisfied with the repair");
    }

    public static CustomerContacted customerContacted() {
        return new CustomerContacted(id(12), CASE, T0.plusSeconds(7200), 1, "req-5c10", "desk-8",
                "K-" + CASE + "-2", ContactKind.FINAL_ANSWER, ContactChannel.PHONE, true,
                "告知处理结果 Told the customer the result", null,
                new FinalAnswer("Backup battery of base station TZ-0412 failed", "Engineer replaced the battery on site",
                        "Signal restored; battery monitoring added"), "W-" + CASE + "-1");
    }

    public static AwaitingTriage awaitingTriage() {
        return new AwaitingTriage(id(13), CASE, T0.plusSeconds(2), 1, id(1).toString(), "routing-service",
                "no dispatch rule fits category=SERVICE, region=SH-PD, channel=IN_PERSON, tier=STANDARD");
    }

    public static WorkOrderUrged workOrderUrged() {
        SlaWarningRaised warning = warningRaised();
        return new WorkOrderUrged(id(14), CASE, warning.occurredAt().plusMillis(40), 1, warning.eventId().toString(),
                "routing-service", warning.dispatchId(), "network-ops-tz", warning.warnAt(), warning.deadline());
    }

    public static WorkOrderEscalated workOrderEscalated() {
        SlaBreached breach = breached();
        return new WorkOrderEscalated(id(15), CASE, breach.occurredAt().plusMillis(40), 1, breach.eventId().toString(),
                "routing-service", breach.dispatchId(), "network-ops-tz", 1, "network-ops-supervisor",
                breach.deadline());
    }

    public static EscalationNotice escalationNotice() {
        SlaBreached breach = breached();
        return new EscalationNotice(id(16), CASE, breach.occurredAt().plusMillis(40), 2, breach.eventId().toString(),
                "routing-service", breach.dispatchId(), "enterprise-management", NoticeReason.KEY_CUSTOMER_OVERDUE,
                "network-ops-tz", breach.deadline(), null);
    }

    public static WorkOrderTransferred workOrderTransferred() {
        return new WorkOrderTransferred(id(17), CASE, T0.plusSeconds(600), 1, "req-77b0", "agent-17",
                "W-" + CASE + "-1", 1, "network-ops-tz", "billing", "资费问题，非网络故障 A tariff question, not a fault");
    }

    public static final String INCIDENT = "INC-20261125-0001";

    public static IncidentLinked incidentLinked() {
        return new IncidentLinked(id(18), CASE, T0.plusSeconds(2), 1, "req-inc-1", "routing-service", INCIDENT,
                CASE + "-W1", 1, null, "network-ops-tz", "泰州海陵区基站停电 Base stations down in Hailing",
                "市电中断，基站退服 Mains power cut, base stations out of service", "TZ-HL", Category.NETWORK,
                T0.minusSeconds(600), T0.plus(Duration.ofHours(6)), 1);
    }

    public static EstimatedRepairChanged estimatedRepairChanged() {
        return new EstimatedRepairChanged(id(19), CASE, T0.plusSeconds(3600), 1, "req-inc-2", "ops-3", INCIDENT,
                CASE + "-W1", T0.plus(Duration.ofHours(9)), T0.plus(Duration.ofHours(6)), 2,
                "备用电源运输延误 Backup generators delayed");
    }

    public static SpProofReceived spProofReceived() {
        return new SpProofReceived(id(20), CASE, T0.plus(Duration.ofDays(3)), 1, "req-proof-1", "billing-7",
                CASE + "-W1", "SP901234", "订购记录及客户二次确认短信 Subscription record and the customer's confirmation SMS");
    }

    public static ProvisionalRefundGranted provisionalRefundGranted() {
        return new ProvisionalRefundGranted(id(21), CASE, T0.plus(Duration.ofDays(15)), 1, id(10).toString(),
                "routing-service", "SP901234", "天气早知道 Weather daily", 1000, "2026-10", T0.plus(Duration.ofDays(15)));
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
