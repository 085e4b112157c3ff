package com.telco.complaints.eventing.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
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
