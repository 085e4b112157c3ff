package com.telco.complaints.bench;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintClosed;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.CustomerUnreachable;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.LimitKind;
import com.telco.complaints.contracts.event.Redispatched;
import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.SlaPolicyApplied;
import com.telco.complaints.contracts.event.SlaWarningRaised;
import com.telco.complaints.contracts.event.SurveyFailed;
import com.telco.complaints.contracts.event.SurveyPassed;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A realistic log, as the five services would have written it: registrations, clocks announced
 * (with the SLA service's own deterministic ids), dispatches, returns (some late, warned), surveys
 * passed, failed and redispatched, unreachable customers, closings — and a tenth of the cases still
 * open, with deadlines ahead, so that nothing falls due while the benchmark runs.
 */
final class LogFiller {

    private static final SlaPolicyApplied RETURN = new SlaPolicyApplied("return-normal", LimitKind.CALENDAR,
            Duration.ofHours(48), 0.8);
    private static final SlaPolicyApplied SURVEY = new SlaPolicyApplied("survey-default", LimitKind.END_OF_WORKING_DAY,
            null, 0.8);
    private static final SlaPolicyApplied CASE = new SlaPolicyApplied("case-default", LimitKind.CALENDAR,
            Duration.ofDays(15), 0.8);
    private static final String[] REGIONS = {"TZ-HL", "TZ-JJ", "TZ-LQ", "HZ-XH", "HZ-BJ", "NB-YZ", "WZ-LC", "SX-YC"};

    private final String prefix;
    private final SplittableRandom random;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    LogFiller(String prefix, long seed) {
        this.prefix = prefix;
        this.random = new SplittableRandom(seed);
    }

    /** Writes at least {@code events} events; returns how many, and how fast they were produced. */
    long fill(Map<String, Object> client, String topic, long events) throws Exception {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        long written = 0;
        EventCodec codec = EventCodec.standard();
        String source = CloudEvents.sourceOf("bench");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            long[] count = {0};
            Consumer<ComplaintEvent> send = event -> {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.complaintId(), codec.toJson(event));
                CloudEvents.headers(event, source).forEach((k, v) -> record.headers().add(k, CloudEvents.bytes(v)));
                producer.send(record);
                count[0]++;
            };
            for (int i = 0; count[0] < events; i++) {
                oneCase(i).forEach(send);
            }
            producer.flush();
            written = count[0];
        }
        return written;
    }

    /** The events of case {@code i}. */
    List<ComplaintEvent> oneCase(int i) {
        String c = prefix + "-" + String.format("%08d", i);
        boolean open = random.nextInt(10) == 0;
        Instant t0 = open ? now.minus(Duration.ofMinutes(30)) : now.minus(Duration.ofDays(30)).plusSeconds(i % 2_000_000);
        List<ComplaintEvent> events = new ArrayList<>();
        ComplaintRegistered registered = new ComplaintRegistered(UUID.randomUUID(), c, t0,
                EventType.COMPLAINT_REGISTERED.currentVersion(), "bench", "crm",
                Channel.values()[random.nextInt(Channel.values().length - 1)],
                Category.values()[random.nextInt(3)], "general", random.nextInt(5) == 0 ? Urgency.URGENT : Urgency.NORMAL,
                REGIONS[random.nextInt(REGIONS.length)], new Customer("王丽", "138" + String.format("%08d", random.nextInt(100_000_000)),
                random.nextInt(10) == 0 ? CustomerTier.KEY : CustomerTier.STANDARD, null),
                "家里没有信号 No signal at home since Monday", "Fix coverage", null, t0.plus(Duration.ofHours(48)), null, null);
        events.add(registered);
        events.add(started(c, SlaClock.CASE, null, t0, t0.plus(Duration.ofDays(12)), t0.plus(Duration.ofDays(15)), CASE,
                registered.eventId()));
        int attempt = 1;
        Instant t = t0.plusSeconds(60);
        String w = c + "-W1";
        Dispatched dispatched = new Dispatched(EventIds.of(EventType.DISPATCHED, c, 1), c, t, 1, null, "routing-service",
                w, 1, "network-ops", "network");
        events.add(dispatched);
        SlaClockStarted returnClock = started(c, SlaClock.RETURN, w, t, t.plus(Duration.ofMinutes(2304)),
                t.plus(Duration.ofHours(48)), RETURN, dispatched.eventId());
        events.add(returnClock);
        if (open) {
            return events;
        }
        while (true) {
            boolean late = random.nextInt(10) == 0;
            if (late) {
                events.add(new SlaWarningRaised(EventIds.of(EventType.SLA_WARNING_RAISED, c, w, SlaClock.RETURN), c,
                        returnClock.warnAt(), EventType.SLA_WARNING_RAISED.currentVersion(), returnClock.eventId().toString(),
                        "sla-service", SlaClock.RETURN, w, returnClock.warnAt(), returnClock.deadline(), null));
            }
            Instant returnedAt = late ? returnClock.warnAt().plus(Duration.ofHours(2)) : t.plus(Duration.ofHours(6));
            Returned returned = new Returned(EventIds.of(EventType.RETURNED, w), c, returnedAt,
                    EventType.RETURNED.currentVersion(), null, "agent-1", w, attempt, "network-ops",
                    "Base station lost power", "Stable signal", "Battery failed", "Battery replaced",
                    Resolution.RESOLVED, true, FaultParty.DEPARTMENT, null);
            events.add(returned);
            events.add(started(c, SlaClock.SURVEY, w, returnedAt, returnedAt.plus(Duration.ofMinutes(384)),
                    returnedAt.plus(Duration.ofHours(8)), SURVEY, returned.eventId()));
            Instant answered = returnedAt.plus(Duration.ofHours(2));
            int roll = random.nextInt(100);
            if (roll < 15 && attempt < 3) {
                SurveyFailed failed = new SurveyFailed(EventIds.of(EventType.SURVEY_FAILED, w), c, answered, 2, null, "sv",
                        w, attempt, "Still no signal", true, null, true, null);
                events.add(failed);
                attempt++;
                String next = c + "-W" + attempt;
                t = answered.plusSeconds(5);
                Redispatched redispatched = new Redispatched(EventIds.of(EventType.REDISPATCHED, c, attempt), c, t, 1,
                        failed.eventId().toString(), "routing-service", next, w, attempt, "network-ops-supervisor",
                        "redispatch");
                events.add(redispatched);
                w = next;
                returnClock = started(c, SlaClock.RETURN, w, t, t.plus(Duration.ofMinutes(2304)), t.plus(Duration.ofHours(48)),
                        RETURN, redispatched.eventId());
                events.add(returnClock);
                continue;
            }
            if (roll < 20) {
                for (int n = 1; n <= 3; n++) {
                    events.add(new CustomerUnreachable(EventIds.of(EventType.CUSTOMER_UNREACHABLE, w, n), c,
                            answered.plus(Duration.ofHours(n)), 2, null, "sv", w, n));
                }
                events.add(closed(c, w, answered.plus(Duration.ofHours(3)), CloseOutcome.UNREACHABLE));
            } else if (roll < 25) {
                events.add(new SurveyFailed(EventIds.of(EventType.SURVEY_FAILED, w), c, answered, 2, null, "sv", w, attempt,
                        "Too slow", false, "Explained the repair plan", false, null));
                events.add(closed(c, w, answered, CloseOutcome.EXPLAINED));
            } else {
                events.add(new SurveyPassed(EventIds.of(EventType.SURVEY_PASSED, w), c, answered, 2, null, "sv", w, attempt));
                events.add(closed(c, w, answered, CloseOutcome.SATISFIED));
            }
            return events;
        }
    }

    private static ComplaintClosed closed(String c, String w, Instant at, CloseOutcome outcome) {
        return new ComplaintClosed(EventIds.of(EventType.COMPLAINT_CLOSED, c), c, at, EventType.COMPLAINT_CLOSED.currentVersion(), null, "sv", outcome, w, null);
    }

    /** An announcement with the id the SLA service itself gives it. */
    private static SlaClockStarted started(String c, SlaClock clock, String dispatchId, Instant start, Instant warnAt,
                                           Instant deadline, SlaPolicyApplied policy, UUID cause) {
        return new SlaClockStarted(EventIds.of(EventType.SLA_CLOCK_STARTED, c, dispatchId == null ? "-" : dispatchId, clock),
                c, start, EventType.SLA_CLOCK_STARTED.currentVersion(), cause.toString(), "sla-service", clock, dispatchId,
                start, warnAt, deadline, policy, null);
    }
}
