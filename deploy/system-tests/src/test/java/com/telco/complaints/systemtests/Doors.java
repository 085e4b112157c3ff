package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.deploy.suite.Suite;
import com.telco.complaints.testsupport.EventLog;
import com.telco.complaints.testsupport.LogCensus;
import com.telco.complaints.testsupport.Outboxes;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The public REST doors of API.md, as publishing systems, departments, survey agents, operations
 * and auditors use them, each with a real token of its role signed with the suite's local key pair.
 * Nothing here reads a table or a topic: only HTTP on the services' ports.
 */
final class Doors {

    static final String PUBLISHER = "st-publisher";
    static final String OPERATIONS = "st-operations";
    static final String SURVEYOR = "st-surveyor";
    static final String AUDITOR = "st-auditor";
    static final String ADMIN = "st-admin";

    private static final int PAGE = 1000;

    private final Suite suite;
    private final Map<Caller, String> tokens = new ConcurrentHashMap<>();

    Doors(Suite suite) {
        this.suite = suite;
    }

    /** intake as the publishing system. */
    RequestSpecification intake() {
        return at(Service.INTAKE, new Caller(PUBLISHER, "System-test publisher", "submitter", null));
    }

    /** intake as another publishing system: it reads only the complaints it registered. */
    RequestSpecification intakeAs(String submitter) {
        return at(Service.INTAKE, new Caller(submitter, submitter, "submitter", null));
    }

    /** routing as operations (every department's queue). */
    RequestSpecification routing() {
        return at(Service.ROUTING, operations());
    }

    /** routing as an agent of {@code department}. */
    RequestSpecification routingAgent(String department) {
        return at(Service.ROUTING, new Caller(agentOf(department), "Agent of " + department, "agent", department));
    }

    RequestSpecification sla() {
        return at(Service.SLA, operations());
    }

    /** survey as the survey agent. */
    RequestSpecification survey() {
        return at(Service.SURVEY, new Caller(SURVEYOR, "System-test surveyor", "surveyor", null));
    }

    /** analytics as operations. */
    RequestSpecification analytics() {
        return at(Service.ANALYTICS, operations());
    }

    /** analytics as an auditor. */
    RequestSpecification auditor() {
        return at(Service.ANALYTICS, new Caller(AUDITOR, "System-test auditor", "auditor", null));
    }

    /** The subject of the system tests' agent of {@code department}. */
    static String agentOf(String department) {
        return "st-agent-" + department;
    }

    private static Caller operations() {
        return new Caller(OPERATIONS, "System-test operations", "operator", null);
    }

    private String token(Caller caller) {
        return tokens.computeIfAbsent(caller, suite::token);
    }

    // ---- tokens for the console: a person pastes one at its sign-in, as after `deploy/run.sh token` ----

    /** The token of the system tests' agent of {@code department}, the same caller as {@link #routingAgent}. */
    String agentToken(String department) {
        return token(new Caller(agentOf(department), "Agent of " + department, "agent", department));
    }

    /** The token of the system tests' survey agent, the same caller as {@link #survey()}. */
    String surveyorToken() {
        return token(new Caller(SURVEYOR, "System-test surveyor", "surveyor", null));
    }

    /** The token of the system tests' auditor, the same caller as {@link #auditor()}. */
    String auditorToken() {
        return token(new Caller(AUDITOR, "System-test auditor", "auditor", null));
    }

    /** The token of operations, the same caller as {@link #routing()}, {@link #sla()} and {@link #analytics()}. */
    String operatorToken() {
        return token(operations());
    }

    private RequestSpecification at(Service service, Caller caller) {
        return given().baseUri(suite.baseUri(service).toString()).auth().oauth2(token(caller));
    }

    // ---- intake: publishing systems ----

    /** POST /complaints, expecting 201; the complaint number. */
    String register(ComplaintBody complaint) {
        return intake().contentType(ContentType.JSON).body(complaint.json())
                .post("/complaints")
                .then().statusCode(201)
                .extract().path("complaintId");
    }

    Response register(ComplaintBody complaint, String idempotencyKey) {
        return intake().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(complaint.json()).post("/complaints");
    }

    // ---- routing: departments ----

    JsonPath workOrder(String dispatchId) {
        return routing().get("/work-orders/{dispatchId}", dispatchId).then().statusCode(200).extract().jsonPath();
    }

    /** Every work order of a queue (department and status may be null for all), oldest first, page by page. */
    List<Map<String, Object>> workOrders(String department, String status) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RequestSpecification request = routing().queryParam("page", page).queryParam("size", PAGE);
            if (department != null) {
                request.queryParam("department", department);
            }
            if (status != null) {
                request.queryParam("status", status);
            }
            List<Map<String, Object>> items = request.get("/work-orders").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            all.addAll(items);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    /**
     * GET /work-orders?department=…&status=OPEN&sort=…: every open work order of the department in that order
     * ({@code deadline}: the nearest RETURN deadline first; {@code dispatched}: the oldest first), only the warned
     * ones or only the others when {@code warned} is given; page by page.
     */
    List<Map<String, Object>> openQueue(String department, String sort, Boolean warned) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RequestSpecification request = routing().queryParam("department", department)
                    .queryParam("status", "OPEN").queryParam("sort", sort)
                    .queryParam("page", page).queryParam("size", PAGE);
            if (warned != null) {
                request.queryParam("warned", warned);
            }
            List<Map<String, Object>> items = request.get("/work-orders").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            all.addAll(items);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    /** The open work order of attempt {@code attempt} of the complaint, as soon as routing has dispatched it. */
    Map<String, Object> awaitOpenWorkOrder(String complaintId, int attempt) {
        return await("open work order, attempt " + attempt + ", of " + complaintId)
                .until(() -> openWorkOrder(complaintId, attempt), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Map<String, Object>> openWorkOrder(String complaintId, int attempt) {
        return workOrders(null, "OPEN").stream()
                .filter(w -> complaintId.equals(w.get("complaintId")))
                .filter(w -> Objects.equals(attempt, w.get("attempt")))
                .findFirst();
    }

    /** POST /work-orders/{dispatchId}/return as an agent of the order's department, a complete result; 200. */
    void returnWorkOrder(String dispatchId, boolean operatorAtFault) {
        Map<String, Object> result = result(operatorAtFault);
        result.put("operatorAtFault", operatorAtFault);
        returnAsItsDepartment(dispatchId, result);
    }

    /**
     * POST /work-orders/{dispatchId}/return as an agent of the department holding the order, a complete result
     * naming the party at fault ({@code faultOf}, which says whether the operator was) and who is accountable; 200,
     * the work order as returned.
     */
    JsonPath returnWorkOrder(String dispatchId, String faultOf, String accountable) {
        Map<String, Object> result = result(!"NONE".equals(faultOf) && !"CUSTOMER".equals(faultOf));
        result.put("faultOf", faultOf);
        result.put("accountable", accountable);
        return returnAsItsDepartment(dispatchId, result);
    }

    private JsonPath returnAsItsDepartment(String dispatchId, Map<String, Object> result) {
        String department = workOrder(dispatchId).getString("department");
        return routingAgent(department).contentType(ContentType.JSON).body(result)
                .post("/work-orders/{dispatchId}/return", dispatchId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> result(boolean problemOnOurSide) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reconstruction", "Drive test at the customer's address: the nearest cell was down");
        result.put("customerDemand", "Working coverage at home");
        result.put("problemFound", problemOnOurSide ? "Cell TZ-HL-0413 out of service since Monday" : "None on our side");
        result.put("measures", "Cell restarted, coverage checked with the customer");
        result.put("resolution", "RESOLVED");
        return result;
    }

    /**
     * POST /work-orders/{dispatchId}/transfer as an agent of {@code agentDepartment}, passing the order to
     * {@code toDepartment}; the response as it came (200 with the work order, or a refusal).
     */
    Response transfer(String agentDepartment, String dispatchId, String toDepartment, String reason) {
        return routingAgent(agentDepartment).contentType(ContentType.JSON)
                .body(Map.of("department", toDepartment, "reason", reason))
                .post("/work-orders/{dispatchId}/transfer", dispatchId);
    }

    // ---- routing: outage incidents and billing disputes ----

    /** POST /incidents as operations, expecting 201; the incident. */
    Map<String, Object> declareIncident(Map<String, Object> declaration) {
        return routing().contentType(ContentType.JSON).body(declaration).post("/incidents")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** GET /incidents/{incidentId} as operations, expecting 200. */
    JsonPath incident(String incidentId) {
        return routing().get("/incidents/{incidentId}", incidentId).then().statusCode(200).extract().jsonPath();
    }

    /** POST /incidents/{incidentId}/estimate as operations: a new estimated repair time. */
    Response reschedule(String incidentId, String estimatedRepairAt, String reason) {
        return routing().contentType(ContentType.JSON)
                .body(Map.of("estimatedRepairAt", estimatedRepairAt, "reason", reason))
                .post("/incidents/{incidentId}/estimate", incidentId);
    }

    /** POST /incidents/{incidentId}/resolve as an agent of {@code department}, a complete result. */
    Response resolveIncident(String incidentId, String department) {
        Map<String, Object> result = result(true);
        result.put("operatorAtFault", true);
        result.put("faultOf", "DEPARTMENT");
        return routingAgent(department).contentType(ContentType.JSON).body(result)
                .post("/incidents/{incidentId}/resolve", incidentId);
    }

    /** POST /work-orders/{dispatchId}/sp-proof as an agent of {@code department}: the provider proved the charge. */
    Response recordSpProof(String department, String dispatchId, String summary) {
        return routingAgent(department).contentType(ContentType.JSON).body(Map.of("summary", summary))
                .post("/work-orders/{dispatchId}/sp-proof", dispatchId);
    }

    /** GET /complaints/{complaintId}/contacts as the customer desk: the contact log. */
    List<Map<String, Object>> contacts(String complaintId) {
        return survey().get("/complaints/{complaintId}/contacts", complaintId).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    // ---- survey: survey agents ----

    /** GET /work-orders/triage as operations: every complaint waiting for an operator to dispatch it. */
    List<Map<String, Object>> triage() {
        return routing().queryParam("size", 1000).get("/work-orders/triage").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** Waits until the complaint's survey for this work order is pending. */
    void awaitPendingSurvey(String complaintId, String dispatchId) {
        await("survey of " + dispatchId + " pending").until(() -> {
            Response response = survey().get("/surveys/{complaintId}", complaintId);
            return response.statusCode() == 200
                    && dispatchId.equals(response.path("dispatchId"))
                    && "PENDING".equals(response.path("status"));
        });
    }

    void answerSurvey(String complaintId, Map<String, Object> answer) {
        survey().contentType(ContentType.JSON).body(answer)
                .post("/surveys/{complaintId}/answers", complaintId)
                .then().statusCode(200);
    }

    static Map<String, Object> satisfied() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reachable", true);
        answer.put("satisfied", true);
        return answer;
    }

    static Map<String, Object> dissatisfiedAtFault(String reason) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reachable", true);
        answer.put("satisfied", false);
        answer.put("reason", reason);
        answer.put("operatorAtFault", true);
        return answer;
    }

    /** POST /complaints/{complaintId}/contacts as the customer desk (the system tests' surveyor); 201, the contact. */
    Map<String, Object> contact(String complaintId, Map<String, Object> contact) {
        return survey().contentType(ContentType.JSON).body(contact)
                .post("/complaints/{complaintId}/contacts", complaintId)
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    static Map<String, Object> contactBody(String kind, String channel, boolean reached, String summary) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("kind", kind);
        contact.put("channel", channel);
        contact.put("reached", reached);
        contact.put("summary", summary);
        return contact;
    }

    // ---- sla: operations ----

    /** GET /sla/complaints/{complaintId}: every clock of the case now. */
    JsonPath clocks(String complaintId) {
        return sla().get("/sla/complaints/{complaintId}", complaintId).then().statusCode(200).extract().jsonPath();
    }

    /** The run {@code sequence} of the complaint's PROGRESS clock, once the SLA service started it. */
    Optional<Map<String, Object>> progressRun(String complaintId, int sequence) {
        Response response = sla().get("/sla/complaints/{complaintId}", complaintId);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        List<Map<String, Object>> clocks = response.jsonPath().getList("clocks");
        return clocks.stream()
                .filter(c -> "PROGRESS".equals(c.get("clock")) && Integer.valueOf(sequence).equals(c.get("sequence")))
                .findFirst();
    }

    /** The complaint's clock of this kind (and work order, for RETURN and SURVEY), once the SLA service started it. */
    Optional<Map<String, Object>> clock(String complaintId, String clock, String dispatchId) {
        Response response = sla().get("/sla/complaints/{complaintId}", complaintId);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        List<Map<String, Object>> clocks = response.jsonPath().getList("clocks");
        return clocks.stream()
                .filter(c -> clock.equals(c.get("clock")) && Objects.equals(dispatchId, c.get("dispatchId")))
                .findFirst();
    }

    /** GET /sla/clocks?state=…: open clocks in that state, page by page. */
    List<Map<String, Object>> openClocks(String state) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = sla().queryParam("state", state).queryParam("page", page)
                    .queryParam("size", PAGE).get("/sla/clocks").then().statusCode(200).extract().jsonPath().getList("$");
            all.addAll(items);
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    // ---- analytics: operations and auditors ----

    /** GET /cases/{complaintId}, expecting 200 (an assertion error while analytics has not seen it yet). */
    JsonPath caseOf(String complaintId) {
        return analytics().get("/cases/{complaintId}", complaintId).then().statusCode(200).extract().jsonPath();
    }

    /** GET /cases?region=…: one page of up to 500 cases of the region and their total. */
    JsonPath casesInRegion(String region) {
        return analytics().queryParam("region", region).queryParam("size", 500)
                .get("/cases").then().statusCode(200).extract().jsonPath();
    }

    /** Every case of the region, page by page. */
    List<Map<String, Object>> allCasesInRegion(String region) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = analytics().queryParam("region", region).queryParam("page", page)
                    .queryParam("size", 500).get("/cases").then().statusCode(200).extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    /** GET /escalations?status=…&department=…: every escalation they match (either may be null), page by page. */
    List<Map<String, Object>> escalations(String status, String department) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RequestSpecification request = analytics().queryParam("page", page).queryParam("size", 500);
            if (status != null) {
                request.queryParam("status", status);
            }
            if (department != null) {
                request.queryParam("department", department);
            }
            List<Map<String, Object>> items = request.get("/escalations").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            all.addAll(items);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    /** GET /kpis?groupBy=…: the figures of one group (a region, a department, …), when it has any. */
    Optional<Map<String, Object>> kpis(String groupBy, String group) {
        List<Map<String, Object>> groups = analytics().queryParam("groupBy", groupBy).get("/kpis")
                .then().statusCode(200).extract().jsonPath().getList("groups");
        return groups.stream().filter(g -> group.equals(g.get("group"))).findFirst();
    }

    /** GET /kpis/sp: the figures of one service provider, when it has any. */
    Optional<Map<String, Object>> spKpis(String spCode) {
        List<Map<String, Object>> providers = analytics().get("/kpis/sp").then().statusCode(200)
                .extract().jsonPath().getList("providers");
        return providers.stream().filter(p -> spCode.equals(p.get("spCode"))).findFirst();
    }

    /** GET /kpis?from=…&to=…: the figures of every complaint registered in [from, to) (the report's total). */
    Map<String, Object> kpiTotal(String from, String to) {
        String body = analytics().queryParam("from", from).queryParam("to", to).get("/kpis")
                .then().statusCode(200).extract().asString();
        // Rates as doubles, not JsonPath's default floats, to compare them with the console's figures.
        return new JsonPath(body).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)).getMap("total");
    }

    /** GET /audit/complaints/{complaintId}/events, expecting 200. */
    Audit audit(String complaintId) {
        return new Audit(auditor().get("/audit/complaints/{complaintId}/events", complaintId)
                .then().statusCode(200).extract().jsonPath());
    }

    /** A case's archive as an auditor reads it. */
    record Audit(JsonPath json) {

        boolean chainValid() {
            return json.getBoolean("chainValid");
        }

        List<Map<String, Object>> events() {
            return json.getList("events");
        }

        List<String> names() {
            return json.getList("events.name");
        }

        /** The names of the lifecycle events, leaving out the SLA service's clocks, warnings and breaches. */
        List<String> lifecycle() {
            return names().stream().filter(name -> !name.startsWith("Sla")).toList();
        }

        /** Events of this name whose data names this clock and work order. */
        List<Map<String, Object>> slaEvents(String name, String clock, String dispatchId) {
            return events().stream()
                    .filter(e -> name.equals(e.get("name")))
                    .filter(e -> clock.equals(data(e).get("clock")) && Objects.equals(dispatchId, data(e).get("dispatchId")))
                    .toList();
        }

        /** The actor recorded on the first event of this name. */
        String actorOf(String name) {
            return events().stream().filter(e -> name.equals(e.get("name"))).findFirst()
                    .map(e -> (String) data(e).get("actor")).orElseThrow();
        }

        long count(String name) {
            return names().stream().filter(name::equals).count();
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> data(Map<String, Object> event) {
            return (Map<String, Object>) event.get("data");
        }
    }

    // ---- the log itself, raw: where no duplicate can hide ----

    /** Every record of complaint-events now, read raw (read-committed, up to the end offsets). */
    LogCensus census() {
        try (EventLog log = new EventLog(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            return LogCensus.of(log);
        }
    }

    /**
     * A barrier on every partition, before a census: registers marker complaints (of a region of their
     * own) until each partition of complaint-events has one whose Dispatched and RETURN SlaClockStarted
     * are on the log (so routing and sla have applied everything before them there, and relayed what
     * they decided before it), then waits until the outbox of every service is empty.
     */
    LogCensus settled() {
        String region = ComplaintBody.uniqueRegion("MARK");
        int partitions;
        try (EventLog log = new EventLog(suite.endpoints().kafkaAdmin(), suite.endpoints().topics().events())) {
            partitions = log.partitions();
        }
        Set<Integer> covered = new TreeSet<>();
        Set<String> markers = new HashSet<>();
        while (covered.size() < partitions) {
            for (int i = 0; i < partitions * 2; i++) {
                markers.add(register(ComplaintBody.network(region)));
            }
            Awaitility.await("markers dispatched and clocked").atMost(Duration.ofSeconds(60)).until(() -> {
                LogCensus census = census();
                covered.clear();
                boolean all = true;
                for (String marker : markers) {
                    Map<String, Integer> counts = census.counts(marker);
                    if (counts.getOrDefault("Dispatched", 0) > 0 && counts.getOrDefault("SlaClockStarted", 0) >= 2) {
                        covered.add(census.records(marker).get(0).partition());
                    } else {
                        all = false;
                    }
                }
                return all;
            });
        }
        for (Service service : Service.values()) {
            Outboxes.awaitDrained(suite.baseUri(service).toString(), token(new Caller(ADMIN, ADMIN, "admin", null)));
        }
        return census();
    }
}
