package com.telco.complaints.sla.messaging;

import com.telco.complaints.contracts.calendar.BusinessCalendarPublished;
import com.telco.complaints.eventing.log.OnePartitionTopic;
import com.telco.complaints.sla.config.ShippedCalendar;
import com.telco.complaints.sla.config.SlaConfig;
import com.telco.complaints.sla.domain.BusinessCalendar;
import com.telco.complaints.sla.domain.HolidayNotice;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The business calendar in force: the shipped one (working hours, the notices of {@code sla.calendar.years}) with
 * every notice loaded at run time, read from the business-calendar topic ({@code complaints.topics.business-calendar}:
 * one partition, kept forever). Every instance reads the whole topic before its first deadline (until it could,
 * the projection's batches fail as transient and are retried: no deadline is counted on a calendar that may lack
 * a loaded notice) and follows it every {@code sla.calendar.follow-interval}, so all instances, and every replay,
 * use the same notices; the latest notice of a year is in force. A deadline already announced keeps its value whatever is loaded later (it is a
 * fact on the log); a clock started after a notice is in force here uses it.
 *
 * <p>How many days ahead are confirmed (the unbroken run of years with a notice from today's) is a gauge,
 * {@code sla.calendar.confirmed.days.ahead}, and the wellness check; while fewer than
 * {@code sla.calendar.confirmed-days-wanted} remain, a WARN is logged once a day.
 */
@ApplicationScoped
@Startup
public class CalendarBook {

    private static final Logger LOG = Logger.getLogger(CalendarBook.class);

    /**
     * Where the notice in force of a year came from.
     *
     * @param shipped  a file of {@code sla.calendar.years}: {@code source} is its name, the rest is null
     * @param offset   the notice's record on the business-calendar topic
     * @param notices  how many notices of the year were loaded at run time (a correction is another one)
     */
    public record Origin(boolean shipped, String source, String loadedBy, Instant loadedAt, Long offset,
                         java.util.UUID eventId, int notices) {}

    /** A year's notice in force and its origin. */
    public record InForce(HolidayNotice notice, Origin origin) {}

    /** The calendar in force and the origin of each year's notice, replaced whole. */
    private record Snapshot(BusinessCalendar calendar, Map<Integer, Origin> origins) {}

    @Inject
    ShippedCalendar shipped;
    @Inject
    SlaConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @ConfigProperty(name = "complaints.topics.business-calendar")
    String topicName;

    private volatile Snapshot snapshot;
    /** Set once the topic was read to its end: from then on the calendar in force holds every notice loaded. */
    private volatile boolean read;
    private boolean warnedUnread;
    private long nextOffset;
    private LocalDate warnedOn;
    private OnePartitionTopic topic;
    private ScheduledExecutorService follower;

    @PostConstruct
    void start() {
        Map<Integer, Origin> origins = new java.util.TreeMap<>();
        shipped.sources().forEach((year, file) -> origins.put(year, new Origin(true, file, null, null, null, null, 0)));
        snapshot = new Snapshot(shipped.calendar(), Map.copyOf(origins));
        if (config.calendar().followInterval().isNegative() || config.calendar().followInterval().isZero()) {
            throw new IllegalArgumentException("sla.calendar.follow-interval must be positive, not "
                    + config.calendar().followInterval());
        }
        topic = new OnePartitionTopic(kafka, topicName, "sla-business-calendar");
        Gauge.builder("sla.calendar.confirmed.days.ahead", this, CalendarBook::daysConfirmedAhead)
                .description("Days after today whose holidays and make-up working days a loaded notice confirms")
                .register(meters);
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sla-business-calendar");
            t.setDaemon(true);
            return t;
        });
        long every = config.calendar().followInterval().toMillis();
        follower.scheduleWithFixedDelay(this::follow, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        follower.shutdownNow();
        topic.close();
    }

    /**
     * The calendar in force. Until the topic was read once, this reads it (bounded) and throws what kept it from
     * reading it: a transient failure, so a projection's batch is retried rather than counting deadlines without
     * the notices loaded.
     */
    public BusinessCalendar current() {
        if (!read) {
            synchronized (this) {
                if (!read) {
                    catchUp();
                }
            }
        }
        return snapshot.calendar();
    }

    /** Whether the topic was read to its end at least once. */
    public boolean topicRead() {
        return read;
    }

    /** The calendar as it stands, without waiting for the topic: what the health check and the gauge look at. */
    public BusinessCalendar asItStands() {
        return snapshot.calendar();
    }

    /** The notice in force of {@code year} and where it came from, if the year has one. */
    public Optional<InForce> notice(int year) {
        current();
        Snapshot now = snapshot;
        return now.calendar().notice(year).map(notice -> new InForce(notice, now.origins().get(year)));
    }

    /** The configured minimum of days ahead confirmed. */
    public int daysWanted() {
        return config.calendar().confirmedDaysWanted();
    }

    /** Days after today (the injected clock, in the calendar's zone) confirmed by a notice, without a gap. */
    public long daysConfirmedAhead() {
        BusinessCalendar now = snapshot.calendar();
        return now.daysConfirmedAfter(clock.instant().atZone(now.zone()).toLocalDate());
    }

    /**
     * Puts {@code notice} on the topic (who loaded it, from what) and reads the topic up to it, so that it is in
     * force here when this returns.
     */
    public InForce publish(BusinessCalendarPublished notice) throws InterruptedException {
        long offset = topic.publish(notice.key(), notice.toJson());
        try {
            catchUp();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the notice of " + notice.year() + " is on " + topicName + " at offset "
                    + offset + " but was not read back yet (" + e.getMessage() + "); it will be in force once it is",
                    e);
        }
        return notice(notice.year()).orElseThrow();
    }

    /**
     * Reads the records after the last one read and puts their notices in force, all at once; a record that is not
     * a notice, or breaks the rules, is logged and left out.
     *
     * @throws RuntimeException when the topic cannot be read (then nothing changes)
     */
    public synchronized void catchUp() {
        List<OnePartitionTopic.Record> records;
        try {
            records = topic.from(nextOffset);
        } catch (RuntimeException e) {
            if (!read && !warnedUnread) {
                warnedUnread = true;
                LOG.warnf("business calendar: cannot read %s yet (%s); no deadline is counted until it is read",
                        topicName, e.getMessage());
            }
            throw e;
        }
        snapshot = applied(snapshot, records, topicName);
        if (!records.isEmpty()) {
            nextOffset = records.get(records.size() - 1).offset() + 1;
        }
        read = true;
    }

    /**
     * The calendar a reader of the whole topic holds: {@code shipped} with every loadable notice of
     * {@code records}, in order (what every instance holds once it has read them).
     */
    public static BusinessCalendar fold(BusinessCalendar shipped, List<OnePartitionTopic.Record> records, String topic) {
        return applied(new Snapshot(shipped, Map.of()), records, topic).calendar();
    }

    /** {@code before} with the loadable notices of {@code records} in force, in order, and where they came from. */
    private static Snapshot applied(Snapshot before, List<OnePartitionTopic.Record> records, String topic) {
        BusinessCalendar calendar = before.calendar();
        Map<Integer, Origin> origins = new java.util.TreeMap<>(before.origins());
        for (OnePartitionTopic.Record r : records) {
            Optional<BusinessCalendarPublished> published = loadable(r, topic);
            if (published.isEmpty()) {
                continue;
            }
            BusinessCalendarPublished p = published.get();
            calendar = calendar.withNotice(noticeOf(p));
            Origin earlier = origins.get(p.year());
            int count = earlier == null || earlier.shipped() ? 1 : earlier.notices() + 1;
            origins.put(p.year(), new Origin(false, p.source(), p.actor(), p.occurredAt(), r.offset(), p.eventId(),
                    count));
            LOG.infof("business calendar: the notice of %d loaded by %s (%s, offset %d) is in force: %d holidays, "
                            + "%d make-up working days", p.year(), p.actor(), p.source(), r.offset(),
                    p.holidays().size(), p.makeUpWorkdays().size());
        }
        return new Snapshot(calendar, Map.copyOf(origins));
    }

    /** The record's notice, unless it is not one or breaks the structural rules (logged, left out). */
    private static Optional<BusinessCalendarPublished> loadable(OnePartitionTopic.Record r, String topic) {
        BusinessCalendarPublished published;
        try {
            published = BusinessCalendarPublished.parse(r.value() == null ? new byte[0] : r.value());
        } catch (RuntimeException e) {
            LOG.errorf("business calendar: record %d of %s is not a notice, left out: %s", r.offset(), topic,
                    e.getMessage());
            return Optional.empty();
        }
        List<HolidayNotice.Problem> problems = noticeOf(published).structuralProblems();
        if (!problems.isEmpty()) {
            // Checked in full before it was published; a record written by other means is held to what the
            // calendar needs (not to the working week, which may have changed since it was loaded).
            LOG.errorf("business calendar: the notice of %d at offset %d of %s is refused: %s", published.year(),
                    r.offset(), topic, problems);
            return Optional.empty();
        }
        return Optional.of(published);
    }

    private static HolidayNotice noticeOf(BusinessCalendarPublished published) {
        return new HolidayNotice(published.year(), published.holidays(), published.makeUpWorkdays());
    }

    private void follow() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.debugf("business calendar: %s not read now: %s", topicName, e.getMessage());
        }
        try {
            warnWhenShort();
        } catch (RuntimeException e) {
            LOG.debugf("business calendar: days ahead not checked: %s", e.getMessage());
        }
    }

    /** A WARN once a day while fewer days ahead are confirmed than wanted. */
    synchronized void warnWhenShort() {
        BusinessCalendar now = snapshot.calendar();
        LocalDate today = clock.instant().atZone(now.zone()).toLocalDate();
        long ahead = now.daysConfirmedAfter(today);
        if (!warnsToday(today, warnedOn, ahead, daysWanted())) {
            return;
        }
        warnedOn = today;
        LOG.warnf("business calendar: only %d days after %s are confirmed by a holiday notice (wanted: %d); days of "
                + "%d are guessed from the working week. Load its official notice: PUT /sla/calendar/%d", ahead, today,
                daysWanted(), today.plusDays(ahead + 1).getYear(), today.plusDays(ahead + 1).getYear());
    }

    /** Whether to warn on {@code today}: fewer days ahead confirmed than wanted, and not warned yet today. */
    static boolean warnsToday(LocalDate today, LocalDate lastWarned, long daysAhead, int wanted) {
        return daysAhead < wanted && !today.equals(lastWarned);
    }

    /** The instant used for a notice loaded now. */
    public Instant now() {
        return clock.instant();
    }
}
