package com.telco.complaints.testsupport;

import com.telco.complaints.contracts.wire.CloudEvents;
import com.telco.complaints.contracts.wire.EventType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record of the event log as it is, read raw with a read-committed consumer up to the end
 * offsets (not through a service that drops an event id it has seen): the one place where a
 * duplicate cannot hide. Records the tests themselves publish (source {@code /complaint-suite/test})
 * are counted but may repeat, since tests deliver events twice on purpose; every record a service
 * of the suite wrote must carry an event id no other record carries.
 */
public final class LogCensus {

    private static final String TEST_SOURCE = CloudEvents.sourceOf("test");

    private final List<EventLog.Entry> entries;

    private LogCensus(List<EventLog.Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Every record on {@code log}'s topic now, up to its end offsets, once no transaction is open on it. */
    public static LogCensus of(EventLog log) {
        return new LogCensus(log.settledEntries(Duration.ofSeconds(10)));
    }

    /** The census of the running Quarkus test application's event log. */
    public static LogCensus ofEvents() {
        try (EventLog log = EventLog.ofEvents()) {
            return of(log);
        }
    }

    /** Fails, listing each one with its places, when a record written by a service shares its ce_id with another. */
    public LogCensus assertOneRecordPerEventId() {
        Map<String, List<String>> places = new TreeMap<>();
        for (EventLog.Entry e : entries) {
            String id = e.header(CloudEvents.ID);
            if (id != null && !TEST_SOURCE.equals(e.header(CloudEvents.SOURCE))) {
                places.computeIfAbsent(id, k -> new ArrayList<>()).add(e.header(CloudEvents.TYPE) + " at partition "
                        + e.partition() + " offset " + e.offset());
            }
        }
        Map<String, List<String>> duplicated = places.entrySet().stream().filter(p -> p.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(duplicated).as("event ids written more than once on the log").isEmpty();
        return this;
    }

    /**
     * Asserts the number of records of each event type named in {@code expected} ({@code Dispatched},
     * ...) of one complaint, 0 included; types not named are not looked at.
     */
    public LogCensus assertCounts(String complaintId, Map<String, Integer> expected) {
        Map<String, Integer> all = counts(complaintId);
        Map<String, Integer> named = new TreeMap<>();
        expected.keySet().forEach(type -> named.put(type, all.getOrDefault(type, 0)));
        assertThat(named).as("records of complaint %s on the log, by type (all: %s)", complaintId, all)
                .isEqualTo(new TreeMap<>(expected));
        return this;
    }

    /** The number of records of each event type of one complaint, by the name of the type. */
    public Map<String, Integer> counts(String complaintId) {
        Map<String, Integer> counts = new TreeMap<>();
        for (EventLog.Entry e : entries) {
            if (complaintId.equals(e.key())) {
                counts.merge(name(e), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The events of one type of one complaint, in log order (every record of it, duplicates included). */
    public <T extends com.telco.complaints.contracts.event.ComplaintEvent> List<T> events(String complaintId,
                                                                                           Class<T> type) {
        return records(complaintId).stream().map(EventLog.Entry::event).filter(type::isInstance).map(type::cast)
                .toList();
    }

    /** Every record, in partition order. */
    public List<EventLog.Entry> records() {
        return entries;
    }

    /** The records of one complaint, in log order. */
    public List<EventLog.Entry> records(String complaintId) {
        return entries.stream().filter(e -> complaintId.equals(e.key())).toList();
    }

    public int size() {
        return entries.size();
    }

    private static String name(EventLog.Entry e) {
        if (e.event() != null) {
            return EventType.of(e.event()).eventName();
        }
        return String.valueOf(e.header(CloudEvents.TYPE));
    }

    /** Expected counts, e.g. {@code counts("ComplaintRegistered", 1, "Dispatched", 1)}. */
    public static Map<String, Integer> counts(Object... nameThenCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCount.length; i += 2) {
            counts.put((String) nameThenCount[i], (Integer) nameThenCount[i + 1]);
        }
        return counts;
    }
}
