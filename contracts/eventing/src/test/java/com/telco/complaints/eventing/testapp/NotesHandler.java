package com.telco.complaints.eventing.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.complaints.eventing.log.Applying;
import com.telco.complaints.eventing.log.LogHandler;
import com.telco.complaints.eventing.log.LogRecord;
import com.telco.complaints.eventing.log.ParkReason;
import com.telco.complaints.eventing.log.UnusableRecord;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one handler of the test application: records whose {@code ce_type} is {@code test.note.vN},
 * with a JSON body {@code {"key": .., "text": ..}} and the note's key as Kafka key, are applied as rows
 * of the table {@code notes}. Other records on the log (the complaint events the outbox tests relay)
 * are not notes and apply as nothing.
 *
 * <ul>
 *   <li>a note whose text is {@value #POISON} cannot be applied: {@link #apply} throws, as a logic
 *       error in a service would;</li>
 *   <li>a note whose text starts with {@value #CONFLICT} followed by milliseconds fails as a
 *       serialization conflict would (SQL state 40001, transient: retried in place) until that long
 *       after the handler first saw it;</li>
 *   <li>the handler knows the versions up to {@link #knownVersion()}; a newer one is unusable
 *       ({@code newer-version}) until {@link #upgradeTo} simulates an upgrade of the service;</li>
 *   <li>a body without its key or text is unusable ({@code invalid}), one that is not JSON
 *       {@code unreadable}.</li>
 * </ul>
 */
@ApplicationScoped
public class NotesHandler implements LogHandler<NotesHandler.Note> {

    public static final String TYPE_PREFIX = "test.note.v";
    public static final String POISON = "poison";
    public static final String CONFLICT = "conflict for ms:";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A note as read from its record. */
    public record Note(int partition, long offset, String key, String text, int version) {}

    private final AtomicInteger knownVersion = new AtomicInteger(1);
    /** When each conflicting note was first seen (by key). */
    private final Map<String, Long> conflictsSince = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    public static String type(int version) {
        return TYPE_PREFIX + version;
    }

    /** The newest version of a note this handler reads. */
    public int knownVersion() {
        return knownVersion.get();
    }

    /** An upgrade of the service: notes up to {@code version} are read from now on. */
    public void upgradeTo(int version) {
        knownVersion.accumulateAndGet(version, Math::max);
    }

    /** @return the note, or null for a record that is not a note (nothing to apply) */
    @Override
    public Note read(LogRecord record) {
        String type = record.ceType();
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            return null;
        }
        int version;
        try {
            version = Integer.parseInt(type.substring(TYPE_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new UnusableRecord(ParkReason.UNKNOWN_TYPE, type + ": not a version of a note");
        }
        int known = knownVersion.get();
        if (version > known) {
            throw new UnusableRecord(ParkReason.NEWER_VERSION,
                    type + " is newer than v" + known + ", the newest this handler reads");
        }
        JsonNode body;
        try {
            body = record.value() == null ? null : JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UnusableRecord(ParkReason.UNREADABLE, type + ": the body is not JSON");
        }
        String key = text(body, "key");
        String text = text(body, "text");
        if (key == null || text == null) {
            throw new UnusableRecord(ParkReason.INVALID, type + ": a note needs a key and a text");
        }
        return new Note(record.partition(), record.offset(), key, text, version);
    }

    /** Inserts the notes one by one, in order, and fails at a poison note (what was inserted before rolls back). */
    @Override
    public void apply(List<Note> items, Applying applying) {
        List<Note> notes = items.stream().filter(Objects::nonNull).toList();
        if (notes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into notes (note_key, text, version, log_partition, "
                     + "log_offset) values (?, ?, ?, ?, ?)")) {
            for (Note note : notes) {
                if (POISON.equals(note.text())) {
                    throw new IllegalStateException("the notes handler cannot apply the poison note of " + note.key());
                }
                if (note.text().startsWith(CONFLICT)) {
                    long since = conflictsSince.computeIfAbsent(note.key(), k -> System.nanoTime());
                    long lasts = Long.parseLong(note.text().substring(CONFLICT.length()));
                    if (System.nanoTime() - since < lasts * 1_000_000) {
                        throw new StoreException("applying notes", new SQLException(
                                "could not serialize access due to concurrent update (the test's conflict)", "40001"));
                    }
                }
                s.setString(1, note.key());
                s.setString(2, note.text());
                s.setInt(3, note.version());
                s.setInt(4, note.partition());
                s.setLong(5, note.offset());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("applying notes", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || !node.isTextual() ? null : node.textValue();
    }
}
