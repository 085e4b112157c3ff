package com.telco.complaints.intake.store;

import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.wire.EventCodec;
import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registered complaints, their numbers and their idempotency keys. */
@ApplicationScoped
public class ComplaintStore {

    /** Who holds an idempotency key. */
    public record Claim(String key, String complaintId, String fingerprint) {}

    @Inject
    AgroalDataSource dataSource;

    public long nextNumber() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select nextval('complaint_number_seq')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("drawing a complaint number", e);
        }
    }

    /** The existing claims on any of {@code keys}. */
    public List<Claim> claims(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select key, complaint_id, fingerprint from idempotency_keys where key = any(?)")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            List<Claim> claims = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claims.add(new Claim(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new StoreException("reading idempotency keys", e);
        }
    }

    /**
     * Claims {@code keys} for a new complaint. A key already claimed, also by a transaction still
     * running, is not claimed (the insert waits for that transaction to end); those keys are returned.
     */
    public Set<String> claim(List<String> keys, String complaintId, String fingerprint) {
        Set<String> taken = new HashSet<>(keys);
        if (keys.isEmpty()) {
            return taken;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into idempotency_keys (key, complaint_id, fingerprint) "
                             + "select k, ?, ? from unnest(?::text[]) as k on conflict (key) do nothing returning key")) {
            s.setString(1, complaintId);
            s.setString(2, fingerprint);
            s.setArray(3, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.remove(rs.getString(1));
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new StoreException("claiming idempotency keys", e);
        }
    }

    /** Stores a registration; {@code json} is its wire form, written once for this row and the outbox. */
    public void insert(ComplaintRegistered registered, String fingerprint, byte[] json) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into complaints "
                     + "(complaint_id, registered_at, fingerprint, registration) values (?, ?, ?, ?)")) {
            s.setString(1, registered.complaintId());
            s.setTimestamp(2, Timestamp.from(registered.occurredAt()));
            s.setString(3, fingerprint);
            s.setString(4, new String(json, StandardCharsets.UTF_8));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("storing complaint " + registered.complaintId(), e);
        }
    }

    public Optional<ComplaintRegistered> find(String complaintId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select registration from complaints where complaint_id = ?")) {
            s.setString(1, complaintId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // Read in the version it was stored in: a registration stored before v2 is upcast like a record.
                return Optional.of((ComplaintRegistered) EventCodec.standard().fromStored(
                        EventType.COMPLAINT_REGISTERED, rs.getString(1).getBytes(StandardCharsets.UTF_8)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading complaint " + complaintId, e);
        }
    }
}
