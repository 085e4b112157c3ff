package com.telco.complaints.eventing.store;

import com.telco.complaints.eventing.log.Delivered;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Event ids already applied ({@code processed_events}), from the log or decided here, committed with
 * what they produced: an event published twice is applied once. Services whose every change is
 * idempotent by nature (sla) or keyed by event id already (analytics' archive) do without.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry meters;

    /**
     * Records the delivered events as applied and returns, in log order, those that were not applied
     * before; the others (delivered again) are counted on {@code events_duplicates_total}.
     */
    public List<Delivered> fresh(List<Delivered> delivered) {
        Set<UUID> fresh = markProcessed(delivered.stream().map(d -> d.event().eventId()).toList());
        List<Delivered> kept = new ArrayList<>(fresh.size());
        for (Delivered d : delivered) {
            if (fresh.remove(d.event().eventId())) {
                kept.add(d);
            }
        }
        int duplicates = delivered.size() - kept.size();
        if (duplicates > 0) {
            meters.counter("events.duplicates").increment(duplicates);
        }
        return kept;
    }

    /** Records events as applied; returns those that were not applied before. */
    public Set<UUID> markProcessed(Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into processed_events (event_id) "
                     + "select unnest(?::uuid[]) on conflict do nothing returning event_id")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new StoreException("recording processed events", e);
        }
    }
}
