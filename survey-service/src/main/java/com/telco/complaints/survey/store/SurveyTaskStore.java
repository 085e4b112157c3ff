package com.telco.complaints.survey.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.contracts.lifecycle.CaseState;
import com.telco.complaints.contracts.wire.EventJson;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import com.telco.complaints.survey.domain.SurveyTask;
import com.telco.complaints.survey.domain.SurveyTasks;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Survey tasks as survey agents see them: projected from the cases (status, outcome, deadlines),
 * with what the department reported on return and what the agent answered, taken from the events.
 */
@ApplicationScoped
public class SurveyTaskStore {

    /**
     * What a survey event leaves on its task.
     *
     * @param taskKey          the task's key ({@link SurveyTask#key()})
     * @param unreachableCount null to leave the count as it is
     */
    public record AnswerNote(String taskKey, String surveyedBy, String causationId, String reason,
                             Boolean operatorAtFault, String explanation, Integer unreachableCount) {}

    /**
     * A survey task row; {@code dispatchId} null for the survey of the answer given at the first contact.
     *
     * @param faultOf     who was at fault, as the return named it (a {@code FaultParty}); null when it named none
     * @param accountable who the return held accountable; null when it named nobody
     */
    public record TaskRow(String dispatchId, String complaintId, int attempt, String department, String status,
                          String outcome, String customerName, String customerPhone, String customerTier,
                          String channel, String category, String subcategory, String urgency, String region,
                          String demand, Instant returnedAt, String returnedBy, String resolution,
                          Boolean operatorAtFault, JsonNode result, String faultOf, String accountable,
                          Instant warnAt, Instant surveyDeadline, int unreachableCount, Instant answeredAt,
                          String surveyedBy, String reason, Boolean answerOperatorAtFault, String explanation,
                          String causationId) {}

    private static final String COLUMNS = "dispatch_id, complaint_id, attempt, department, status, outcome, "
            + "customer_name, customer_phone, customer_tier, channel, category, subcategory, urgency, region, demand, "
            + "returned_at, returned_by, resolution, operator_at_fault, result, warn_at, survey_deadline, "
            + "unreachable_count, answered_at, surveyed_by, reason, answer_operator_at_fault, explanation, causation_id, "
            + "first_contact, fault_of, accountable";

    @Inject
    AgroalDataSource dataSource;

    /** Writes the survey tasks of {@code states} as they now stand. */
    public void project(Collection<CaseState> states) {
        List<SurveyTask> all = states.stream().flatMap(state -> SurveyTasks.of(state).stream()).toList();
        Sql.batch(dataSource, "insert into survey_tasks (dispatch_id, complaint_id, attempt, "
                + "department, status, outcome, customer_name, customer_phone, customer_tier, channel, category, "
                + "subcategory, urgency, region, demand, returned_at, resolution, operator_at_fault, warn_at, "
                + "survey_deadline, answered_at, first_contact, result, fault_of) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
                + "on conflict (dispatch_id) do update set status = excluded.status, outcome = excluded.outcome, "
                + "warn_at = excluded.warn_at, survey_deadline = excluded.survey_deadline, "
                + "answered_at = excluded.answered_at", all, (s, t) -> {
            s.setString(1, t.key());
            s.setString(2, t.complaintId());
            s.setInt(3, t.attempt());
            s.setString(4, t.department());
            s.setString(5, t.status().name());
            s.setString(6, Sql.name(t.outcome()));
            s.setString(7, t.customer() == null ? null : t.customer().name());
            s.setString(8, t.customer() == null ? null : t.customer().phone());
            s.setString(9, t.customer() == null ? null : Sql.name(t.customer().tier()));
            s.setString(10, Sql.name(t.channel()));
            s.setString(11, Sql.name(t.category()));
            s.setString(12, t.subcategory());
            s.setString(13, Sql.name(t.urgency()));
            s.setString(14, t.region());
            s.setString(15, t.demand());
            s.setTimestamp(16, Sql.timestamp(t.returnedAt()));
            s.setString(17, Sql.name(t.resolution()));
            Sql.setBoolean(s, 18, t.operatorAtFault());
            s.setTimestamp(19, Sql.timestamp(t.warnAt()));
            s.setTimestamp(20, Sql.timestamp(t.surveyDeadline()));
            s.setTimestamp(21, Sql.timestamp(t.answeredAt()));
            s.setBoolean(22, t.firstContact());
            // What the customer was told at the first contact is what the agent surveys them on.
            s.setString(23, t.firstContact() ? EventJson.mapper().writeValueAsString(t.firstContactAnswer()) : null);
            s.setString(24, Sql.name(t.faultOf()));
        }, "projecting survey tasks");
    }

    /**
     * Keeps what the department reported when it returned the work order: what the agent talks about, and who it
     * held accountable.
     */
    public void saveReturns(Collection<Returned> returns) {
        Sql.batch(dataSource, "update survey_tasks set returned_by = ?, result = ?::jsonb, accountable = ? "
                + "where dispatch_id = ?", returns, (s, r) -> {
                    s.setString(1, r.actor());
                    s.setString(2, EventJson.mapper().writeValueAsString(r.report()));
                    s.setString(3, r.accountable());
                    s.setString(4, r.dispatchId());
                }, "saving return results");
    }

    /** The department's report of a task's work order, by part name (reconstruction, problemFound, …); null before it. */
    public static Map<String, String> report(TaskRow task) {
        if (task.result() == null || !task.result().isObject()) {
            return null;
        }
        Map<String, String> report = new java.util.LinkedHashMap<>();
        task.result().fields().forEachRemaining(e -> report.put(e.getKey(), e.getValue().asText()));
        return report;
    }

    /** Keeps what the agent answered, in the order the answers were given. */
    public void saveAnswers(List<AnswerNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update survey_tasks set surveyed_by = ?, causation_id = ?, "
                     + "reason = ?, answer_operator_at_fault = ?, explanation = ?, "
                     + "unreachable_count = coalesce(?, unreachable_count) where dispatch_id = ?")) {
            for (AnswerNote n : notes) {
                s.setString(1, n.surveyedBy());
                s.setString(2, n.causationId());
                s.setString(3, n.reason());
                Sql.setBoolean(s, 4, n.operatorAtFault());
                s.setString(5, n.explanation());
                if (n.unreachableCount() == null) {
                    s.setNull(6, Types.INTEGER);
                } else {
                    s.setInt(6, n.unreachableCount());
                }
                s.setString(7, n.taskKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("saving survey answers", e);
        }
    }

    /** @param taskKey the task's key ({@link SurveyTask#key()}): its work order, or the complaint number */
    public Optional<TaskRow> find(String taskKey) {
        List<TaskRow> rows = query("where dispatch_id = ?", List.of(taskKey), 1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The survey of the complaint's latest returned work order. */
    public Optional<TaskRow> latest(String complaintId) {
        List<TaskRow> rows = query("where complaint_id = ? order by attempt desc", List.of(complaintId), 1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The complaint's survey whose last answer was the request {@code causationId}, if any. */
    public Optional<TaskRow> answeredBy(String complaintId, String causationId) {
        List<TaskRow> rows = query("where complaint_id = ? and causation_id = ?", List.of(complaintId, causationId),
                1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Tasks oldest return first (ties by work order, so pages are stable); a null status matches every task. */
    public List<TaskRow> list(String status, int limit, int offset) {
        return status == null ? query("order by returned_at, dispatch_id", List.of(), limit, offset)
                : query("where status = ? order by returned_at, dispatch_id", List.of(status), limit, offset);
    }

    public long count(String status) {
        return Sql.count(dataSource, "survey_tasks", "survey tasks", "status", status);
    }

    private List<TaskRow> query(String where, List<Object> params, int limit, int offset) {
        return Sql.page(dataSource, "select " + COLUMNS + " from survey_tasks " + where, params, limit, offset, rs -> {
            String result = rs.getString(20);
            return new TaskRow(rs.getBoolean(30) ? null : rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                    Sql.instant(rs, 16), rs.getString(17), rs.getString(18), (Boolean) rs.getObject(19),
                    result == null ? null : EventJson.mapper().readTree(result), rs.getString(31), rs.getString(32),
                    Sql.instant(rs, 21), Sql.instant(rs, 22), rs.getInt(23), Sql.instant(rs, 24), rs.getString(25),
                    rs.getString(26), (Boolean) rs.getObject(27), rs.getString(28), rs.getString(29));
        }, "survey tasks");
    }
}
