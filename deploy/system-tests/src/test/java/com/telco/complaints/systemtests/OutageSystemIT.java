package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.event.CustomerContacted;
import com.telco.complaints.contracts.event.Dispatched;
import com.telco.complaints.contracts.event.EscalationNotice;
import com.telco.complaints.contracts.event.EstimatedRepairChanged;
import com.telco.complaints.contracts.event.IncidentLinked;
import com.telco.complaints.contracts.event.NoticeReason;
import com.telco.complaints.contracts.event.Returned;
import com.telco.complaints.testsupport.LogCensus;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 13, an outage (seed 002, 应急处置流程): a burst of complaints from one region about the network is
 * declared as one incident. The complaints registered before the declaration and those registered while it is open
 * are linked to it instead of being worked one by one; the department sees one work order; every customer is told
 * the estimated repair time in writing, and again when it changes; the emergency leadership group hears once that the
 * incident is large; resolving the incident returns every linked complaint at once, and each is surveyed as usual.
 * A complaint registered after the resolution is dispatched on its own.
 */
@ExtendWith(RunningSuite.class)
@Order(13)
class OutageSystemIT {

    private static final int BEFORE = 30;
    private static final int WHILE_OPEN = 20;
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final Doors doors;

    OutageSystemIT(Doors doors) {
        this.doors = doors;
    }

    @Test
    void fiftyComplaintsOfOneOutageAreLinkedToOneIncidentToldTheEstimateReturnedAtOnceAndSurveyed() {
        String region = ComplaintBody.uniqueRegion("OUT");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            before.add(doors.register(ComplaintBody.network(region)));
        }
        // Each has its own work order before anyone sees the outage.
        for (String complaintId : before) {
            doors.awaitOpenWorkOrder(complaintId, 1);
        }

        OffsetDateTime estimate = OffsetDateTime.now(BUSINESS_ZONE).plusHours(6).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("region", region);
        declaration.put("category", "NETWORK");
        declaration.put("title", "海陵区基站停电 Base stations down");
        declaration.put("faultDescription", "市电中断，基站退服 Mains power cut, base stations out of service");
        declaration.put("estimatedRepairAt", estimate.toString());
        declaration.put("match", Map.of("from", Instant.now().minus(Duration.ofHours(1)).toString()));
        Map<String, Object> declared = doors.declareIncident(declaration);
        String incidentId = (String) declared.get("incidentId");
        String department = (String) declared.get("department");
        assertThat(declared.get("status")).isEqualTo("OPEN");

        List<String> whileOpen = new ArrayList<>();
        for (int i = 0; i < WHILE_OPEN; i++) {
            whileOpen.add(doors.register(ComplaintBody.network(region)));
        }
        List<String> all = Stream.concat(before.stream(), whileOpen.stream()).toList();

        JsonPath incident = await("all " + all.size() + " linked to " + incidentId).atMost(Duration.ofSeconds(90))
                .until(() -> doors.incident(incidentId), i -> i.getInt("counts.linked") == all.size());
        assertThat(incident.getList("complaints.complaintId")).containsExactlyInAnyOrderElementsOf(all);

        // One work order for the department: the incident's, none of the fifty complaints' own.
        List<Map<String, Object>> queue = doors.workOrders(department, "OPEN");
        assertThat(queue).filteredOn(w -> "INCIDENT".equals(w.get("kind"))
                && incidentId.equals(w.get("dispatchId"))).hasSize(1);
        assertThat(queue).extracting(w -> w.get("complaintId")).doesNotContainAnyElementsOf(all);

        // Every customer is told the estimated repair time, in writing.
        String told = estimate.toLocalDateTime().toString().replace('T', ' ');
        for (String complaintId : all) {
            await("the estimate told to " + complaintId).atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(doors.contacts(complaintId)).anySatisfy(c -> {
                        assertThat(c.get("kind")).isEqualTo("PROGRESS");
                        assertThat(c.get("channel")).isEqualTo("SMS");
                        assertThat((String) c.get("summary")).contains(told);
                    }));
        }

        OffsetDateTime later = estimate.plusHours(3);
        doors.reschedule(incidentId, later.toString(), "备用电源运输延误 Generators delayed").then().statusCode(200);
        String toldLater = later.toLocalDateTime().toString().replace('T', ' ');
        for (String complaintId : all) {
            await("the new estimate told to " + complaintId).atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(doors.contacts(complaintId)).filteredOn(c -> "PROGRESS".equals(c.get("kind")))
                            .hasSize(2).anySatisfy(c -> assertThat((String) c.get("summary")).contains(toldLater)));
        }

        doors.resolveIncident(incidentId, department).then().statusCode(200);
        assertThat(doors.incident(incidentId).getString("status")).isEqualTo("RESOLVED");
        for (String complaintId : all) {
            await("survey of " + complaintId + " pending").atMost(Duration.ofSeconds(60)).until(() -> {
                var response = doors.survey().get("/surveys/{complaintId}", complaintId);
                return response.statusCode() == 200 && "PENDING".equals(response.path("status"));
            });
            doors.answerSurvey(complaintId, Doors.satisfied());
        }
        for (String complaintId : all) {
            await("case " + complaintId + " closed").atMost(Duration.ofSeconds(60))
                    .until(() -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        }

        // Resolved: a new complaint of the region is dispatched on its own.
        String afterwards = doors.register(ComplaintBody.network(region));
        Map<String, Object> own = doors.awaitOpenWorkOrder(afterwards, 1);
        assertThat(own.get("incidentId")).isNull();

        LogCensus census = doors.settled().assertOneRecordPerEventId();
        for (String complaintId : all) {
            assertThat(census.events(complaintId, IncidentLinked.class)).singleElement()
                    .satisfies(l -> assertThat(l.incidentId()).isEqualTo(incidentId));
            assertThat(census.events(complaintId, EstimatedRepairChanged.class)).hasSize(1);
            assertThat(census.events(complaintId, Returned.class)).singleElement()
                    .satisfies(r -> assertThat(r.dispatchId()).isEqualTo(
                            census.events(complaintId, IncidentLinked.class).get(0).dispatchId()));
            assertThat(census.events(complaintId, CustomerContacted.class))
                    .filteredOn(c -> c.kind() == com.telco.complaints.contracts.event.ContactKind.PROGRESS)
                    .hasSize(2);
        }
        for (String complaintId : whileOpen) {
            assertThat(census.events(complaintId, Dispatched.class)).as("dispatched on its own: " + complaintId)
                    .isEmpty();
        }
        assertThat(census.events(afterwards, IncidentLinked.class)).isEmpty();
        List<EscalationNotice> notices = all.stream().flatMap(c -> census.events(c, EscalationNotice.class).stream())
                .filter(n -> incidentId.equals(n.incidentId())).toList();
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(NoticeReason.INCIDENT_SIZE));
        await("the emergency leadership's notice in the escalations").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(doors.escalations(null, null)).anySatisfy(e ->
                        assertThat(e.get("incidentId")).isEqualTo(incidentId)));
    }
}
