package com.telco.complaints.contracts.wire;

import com.telco.complaints.contracts.event.AwaitingTriage;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.ProvisionalRefundGranted;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaBreached;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SpProofReceived;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.WorkOrderEscalated;
import com.telco.complaints.contracts.event.WorkOrderTransferred;
import com.telco.complaints.contracts.event.WorkOrderUrged;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that maps an event's type name ⇄ CloudEvents {@code ce_type} ⇄ Java class.
 * The wire names are stable and versioned ({@code complaint.dispatched.v1}); Java class names
 * never travel. Java 17 has no pattern switch, so folds switch over this enum, which the compiler
 * checks for exhaustiveness.
 */
public enum EventType {
    COMPLAINT_REGISTERED("complaint.registered", 3, ComplaintRegistered.class),
    DISPATCHED("complaint.dispatched", 1, Dispatched.class),
    RETURNED("complaint.returned", 2, Returned.class),
    SURVEY_PASSED("complaint.survey-passed", 2, SurveyPassed.class),
    SURVEY_FAILED("complaint.survey-failed", 2, SurveyFailed.class),
    CUSTOMER_UNREACHABLE("complaint.customer-unreachable", 2, CustomerUnreachable.class),
    REDISPATCHED("complaint.redispatched", 1, Redispatched.class),
    SLA_CLOCK_STARTED("complaint.sla-clock-started", 3, SlaClockStarted.class),
    SLA_WARNING_RAISED("complaint.sla-warning-raised", 3, SlaWarningRaised.class),
    SLA_BREACHED("complaint.sla-breached", 3, SlaBreached.class),
    COMPLAINT_CLOSED("complaint.closed", 2, ComplaintClosed.class),
    CUSTOMER_CONTACTED("complaint.customer-contacted", 1, CustomerContacted.class),
    AWAITING_TRIAGE("complaint.awaiting-triage", 1, AwaitingTriage.class),
    WORK_ORDER_URGED("complaint.work-order-urged", 1, WorkOrderUrged.class),
    WORK_ORDER_ESCALATED("complaint.work-order-escalated", 1, WorkOrderEscalated.class),
    ESCALATION_NOTICE("complaint.escalation-notice", 2, EscalationNotice.class),
    WORK_ORDER_TRANSFERRED("complaint.work-order-transferred", 1, WorkOrderTransferred.class),
    INCIDENT_LINKED("complaint.incident-linked", 1, IncidentLinked.class),
    ESTIMATED_REPAIR_CHANGED("complaint.estimated-repair-changed", 1, EstimatedRepairChanged.class),
    SP_PROOF_RECEIVED("complaint.sp-proof-received", 1, SpProofReceived.class),
    PROVISIONAL_REFUND_GRANTED("complaint.provisional-refund-granted", 1, ProvisionalRefundGranted.class);

    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.javaClass, Function.identity()));
    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));

    private final String wireName;
    private final int currentVersion;
    private final Class<? extends ComplaintEvent> javaClass;

    EventType(String wireName, int currentVersion, Class<? extends ComplaintEvent> javaClass) {
        this.wireName = wireName;
        this.currentVersion = currentVersion;
        this.javaClass = javaClass;
    }

    /** The stable name without version, e.g. {@code complaint.dispatched}. */
    public String wireName() {
        return wireName;
    }

    /** The schema version this code writes. */
    public int currentVersion() {
        return currentVersion;
    }

    public Class<? extends ComplaintEvent> javaClass() {
        return javaClass;
    }

    /** The name used in the event catalogue and in REST views, e.g. {@code Dispatched}. */
    public String eventName() {
        return javaClass.getSimpleName();
    }

    /** {@code ce_type} of the current version, e.g. {@code complaint.dispatched.v1}. */
    public String ceType() {
        return ceType(currentVersion);
    }

    public String ceType(int version) {
        return wireName + ".v" + version;
    }

    public static EventType of(ComplaintEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> eventClass) {
        EventType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event of the catalogue: " + eventClass.getName());
        }
        return type;
    }

    /** A {@code ce_type} split into its type and version. */
    public record Versioned(EventType type, int version) {}

    /**
     * Parses a {@code ce_type} such as {@code complaint.dispatched.v1}. Older versions parse; whether
     * they can be read depends on the upcasters (see {@link Upcasters}).
     *
     * @throws UnknownEventTypeException if the name or the version form is unknown
     * @throws NewerEventVersionException if the version is newer than this code knows
     */
    public static Versioned parseCeType(String ceType) {
        if (ceType == null) {
            throw new UnknownEventTypeException("missing ce_type");
        }
        int dot = ceType.lastIndexOf(".v");
        if (dot <= 0) {
            throw new UnknownEventTypeException("ce_type without version suffix: " + ceType);
        }
        EventType type = BY_NAME.get(ceType.substring(0, dot));
        if (type == null) {
            throw new UnknownEventTypeException("unknown ce_type: " + ceType);
        }
        int version;
        try {
            version = Integer.parseInt(ceType.substring(dot + 2));
        } catch (NumberFormatException e) {
            throw new UnknownEventTypeException("bad version in ce_type: " + ceType);
        }
        if (version < 0) {
            throw new UnknownEventTypeException("bad version in ce_type: " + ceType);
        }
        if (version > type.currentVersion) {
            throw new NewerEventVersionException(
                    "ce_type " + ceType + " is newer than this reader (current v" + type.currentVersion + ")");
        }
        return new Versioned(type, version);
    }
}
