package com.telco.complaints.analytics.store;

import com.telco.complaints.analytics.domain.IncidentTally;
import com.telco.complaints.contracts.lifecycle.IncidentLink;
import com.telco.complaints.eventing.store.Sql;
import com.telco.complaints.eventing.store.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The outage incidents as analytics learns them from the linked complaints' events (table {@code incidents}), written
 * in the projection's transaction: a batch adds its links and returns to the counts stored (see
 * {@link IncidentTally}), and moves the estimate only forward by revision, so events applied once count once.
 */
@ApplicationScoped
public class IncidentStore {

    /**
     * An incident as analytics knows it, for the monthly report.
     *
     * @param title             the incident's title, as the first link told it (so are region, category, department
     *                          and declaredAt)
     * @param estimatedRepairAt the estimate of the highest revision a linked complaint was told
     * @param revision          that estimate's revision (1 for the declared one)
     * @param linked            complaints linked to it (IncidentLinked applied)
     * @param returned          of those, the ones whose held work order was returned (routing returns each when it
     *                          resolves the incident)
     * @param firstLinkedAt     the first link
     * @param lastReturnedAt    the latest return of a held work order; null before the first
     */
    public record IncidentOfMonth(String incidentId, String title, String region, String category, String department,
                                  Instant declaredAt, Instant estimatedRepairAt, int revision, int linked,
                                  int returned, Instant firstLinkedAt, Instant lastReturnedAt) {}

    private static final String COLUMNS = "incident_id, title, region, category, department, declared_at, "
            + "estimated_repair_at, revision, linked, returned, first_linked_at, last_returned_at";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Adds a batch's links, estimates and returns: links first (they create an incident's row: every later event of
     * a case follows its link), then estimates, then returns.
     */
    public void save(IncidentTally tally) {
        Sql.batch(dataSource, "insert into incidents (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, null) "
                + "on conflict (incident_id) do update set linked = incidents.linked + excluded.linked, "
                + "first_linked_at = least(incidents.first_linked_at, excluded.first_linked_at), "
                + "estimated_repair_at = case when excluded.revision > incidents.revision "
                + "  then excluded.estimated_repair_at else incidents.estimated_repair_at end, "
                + "revision = greatest(incidents.revision, excluded.revision)", tally.links(), (s, l) -> {
                    s.setString(1, l.incidentId());
                    s.setString(2, Sql.text(l.title()));
                    s.setString(3, l.region());
                    s.setString(4, l.category());
                    s.setString(5, l.department());
                    s.setTimestamp(6, Sql.timestamp(l.declaredAt()));
                    s.setTimestamp(7, Sql.timestamp(l.estimatedRepairAt()));
                    s.setInt(8, l.revision());
                    s.setInt(9, l.count());
                    s.setTimestamp(10, Sql.timestamp(l.firstLinkedAt()));
                }, "saving the links of " + tally.links().size() + " incidents");
        Sql.batch(dataSource, "update incidents set estimated_repair_at = ?, revision = ? "
                + "where incident_id = ? and revision < ?", tally.estimates(), (s, e) -> {
                    s.setTimestamp(1, Sql.timestamp(e.estimatedRepairAt()));
                    s.setInt(2, e.revision());
                    s.setString(3, e.incidentId());
                    s.setInt(4, e.revision());
                }, "saving the estimates of " + tally.estimates().size() + " incidents");
        Sql.batch(dataSource, "update incidents set returned = returned + ?, "
                + "last_returned_at = greatest(last_returned_at, ?) where incident_id = ?", tally.returns(), (s, r) -> {
                    s.setInt(1, r.count());
                    s.setTimestamp(2, Sql.timestamp(r.lastReturnedAt()));
                    s.setString(3, r.incidentId());
                }, "saving the returns of " + tally.returns().size() + " incidents");
    }

    /**
     * The title of the incident a case is linked to (the link's event carries it; the case's state keeps only the
     * link); null without a link, or for an incident analytics does not know yet.
     */
    public String titleOf(IncidentLink link) {
        if (link == null) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select title from incidents where incident_id = ?")) {
            s.setString(1, link.incidentId());
            return Sql.strings(s).stream().findFirst().orElse(null);
        } catch (SQLException e) {
            throw new StoreException("reading the title of incident " + link.incidentId(), e);
        }
    }

    /**
     * The incidents declared (IncidentLinked.declaredAt) in [from, to) that some complaint was linked to, in order of
     * declaration, then id; each with its counts as they stand now. An incident no complaint was linked to is
     * unknown to analytics.
     */
    public List<IncidentOfMonth> incidentsDeclaredBetween(Instant from, Instant to) {
        return Sql.page(dataSource, "select " + COLUMNS + " from incidents where declared_at >= ? and declared_at < ? "
                        + "order by declared_at, incident_id", List.of(Sql.timestamp(from), Sql.timestamp(to)),
                Integer.MAX_VALUE, 0, IncidentStore::incident, "incidents declared between " + from + " and " + to);
    }

    private static IncidentOfMonth incident(ResultSet rs) throws SQLException {
        return new IncidentOfMonth(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Sql.instant(rs, 6), Sql.instant(rs, 7), rs.getInt(8), rs.getInt(9), rs.getInt(10), Sql.instant(rs, 11),
                Sql.instant(rs, 12));
    }
}
