package com.telco.complaints.survey.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each case's folded state. */
@ApplicationScoped
public class CaseStore {

    @Inject
    AgroalDataSource dataSource;

    /** Loads the cases and locks them until the transaction ends (answers and the consumer serialize here). */
    public Map<String, CaseState> lock(Collection<String> complaintIds) {
        return load(complaintIds, " order by complaint_id for update");
    }

    /** The case as it stands, without a lock (for reading). */
    public Optional<CaseState> find(String complaintId) {
        return Optional.ofNullable(load(List.of(complaintId), "").get(complaintId));
    }

    private Map<String, CaseState> load(Collection<String> complaintIds, String lock) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select complaint_id, state from cases "
                     + "where complaint_id = any(?)" + lock)) {
            s.setArray(1, c.createArrayOf("text", complaintIds.toArray()));
            Map<String, CaseState> cases = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.put(rs.getString(1), EventJson.mapper().readValue(rs.getString(2), CaseState.class));
                }
            }
            return cases;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("loading cases", e);
        }
    }

    public void save(Collection<CaseState> cases) {
        if (cases.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into cases (complaint_id, state) values (?, ?) "
                     + "on conflict (complaint_id) do update set state = excluded.state")) {
            for (CaseState state : cases) {
                s.setString(1, state.complaintId());
                s.setString(2, EventJson.mapper().writeValueAsString(state));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("saving cases", e);
        }
    }
}
