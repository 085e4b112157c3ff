package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * KPIs over a fixture whose every figure is computed by hand below, for the period
 * [2030-03-01T00:00Z, 2030-03-02T00:00Z) (h(n) = 2030-03-01T00:00Z + n hours):
 * <pre>
 *  case cat  chan   dept (first)  registered  what happened                                      handling
 *  K0   NET  HOTL   kpi-net       02-10 08:00 closed 02-12 08:00 (before the period)  phone P1      -
 *  K1   NET  HOTL   kpi-net       h(1)        RETURN 24h, returned 05:00 on time, passed, closed    5 h  recurrence (K0)
 *  K2   NET  ONLN   kpi-net       h(2)        RETURN 4h: warned 05:12, breached 06:00, returned     9 h
 *                                             07:00 late; failed, redispatched to kpi-net-sup,
 *                                             RETURN 24h, returned 10:00 on time, passed, closed 11:00
 *  K3   BUS  HOTL   kpi-bill      h(3)        RETURN 24h, returned 04:00 on time, failed (not at     2 h
 *                                             fault), closed EXPLAINED 05:00                phone P3
 *  K4   NET  HOTL   kpi-net       h(4)        RETURN 2h: warned 05:36, breached 06:00, open          -
 *  K5   NET  HOTL   kpi-net       h(5)        no deadline announced, returned, passed, closed 07:00  2 h
 *  K6   NET  HOTL   -             03-02 00:00 registered at `to`: outside the period
 *  K7   NET  HOTL   -             h(20)       phone P1 again, NETWORK closed (K1) at 06:00: recurrence
 *  K8   NET  HOTL   -             h(21)       phone P3, but P3's closed complaint was BUSINESS: none
 *  K9   BUS  HOTL   kpi-bill      01-20       closed 01-20 (phone P7)
 *  K10  BUS  HOTL   -             h(22)       phone P7: K9 closed 40 days before, not 30: none
 * </pre>
 * NETWORK (K1 K2 K4 K5 K7 K8): volume 6, closed 3; returns judged 4 (K1-W1, K2-W1, K2-W2, K4-W1),
 * on time 2 → 0.5; warnings 2, breaches 2; handling 5, 9, 2 h → mean 16/3 h = 5 h 20 min, p90 =
 * rank ceil(2.7) = 3 → 9 h; surveys 3 passed of 4 → 0.75; redispatched 1 → 1/6; recurrences 2 → 2/6.
 * BUSINESS (K3 K10): volume 2, closed 1 (2 h); judged 1, on time 1 → 1.0; satisfaction 0 of 1 → 0.0;
 * redispatch 0.0; recurrence 0.0. Total: volume 8, closed 4, handling 2, 2, 5, 9 h → mean 4 h 30 min,
 * p90 rank ceil(3.6) = 4 → 9 h; on time 3 of 5 → 0.6; satisfaction 3 of 5 → 0.6; redispatch 1/8;
 * recurrence 2/8. By department: kpi-net K1 K2 K4 K5, kpi-bill K3, UNDISPATCHED K7 K8 K10. None was resolved at
 * the first contact: firstContactResolutionRate 0/8 = 0.0.
 * <p>
 * Resolution at the first contact (即时处理), a second fixture for the period [2030-04-01T00:00Z,
 * 2030-04-02T00:00Z) (g(n) = 2030-04-01T00:00Z + n hours):
 * <pre>
 *  case cat  chan  dept (first)  registered  what happened                                            handling
 *  F1   NET  HOTL  -             g(1)        at first contact; CONTACT 24h and ANSWER 48h announced,    1 h
 *                                            survey passed, closed 02:00
 *  F2   BUS  ONLN  kpi-fc-bill   g(2)        at first contact, no clock announced; survey failed 03:00, 4 h
 *                                            its first work order 03:00 (RETURN 24h), returned 05:00 on
 *                                            time, passed, closed 06:00
 *  F3   NET  HOTL  -             g(3)        at first contact; a survey call unreached, survey pending   -
 *  D1   NET  HOTL  kpi-fc-net    g(4)        dispatched; RETURN 2h breached 06:00, returned 07:00 late;  -
 *                                            CONTACT 24h breached 04-02 04:00
 *  D2   NET  HOTL  -             g(5)        registered only                                            -
 * </pre>
 * Total: volume 5; resolved at first contact F1 F2 F3 → 3/5 = 0.6. Work orders judged F2-W1 (on time) and
 * D1-W1 (late) → 1/2 = 0.5 (F1 and F3 have none); redispatched 0 (F2's work order is its first) → 0.0;
 * surveys: F1 passed, F2 failed then passed → 2/3; closed F1 F2 → mean 2 h 30 min. The customer's clocks:
 * F1 F2 F3 reached and answered at registration, D1's CONTACT breached → contact 3/4 = 0.75 (below the 0.9
 * target), answer 3/3 = 1.0, reply 3/3 = 1.0. By department: FIRST_CONTACT F1 F3 → 2/2, UNDISPATCHED D2 → 0/1,
 * kpi-fc-bill F2 → 1/1, kpi-fc-net D1 → 0/1; by category: BUSINESS 1/1, NETWORK 2/4; by channel: HOTLINE 2/4,
 * ONLINE 1/1; by region: KPI-R 3/5.
 */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class KpiIT {

    private static final Instant T = Instant.parse("2030-03-01T00:00:00Z");
    private static final String FROM = "2030-03-01T00:00:00Z";
    private static final String TO = "2030-03-02T00:00:00Z";
    private static final Instant G = Instant.parse("2030-04-01T00:00:00Z");
    private static final String FC_FROM = "2030-04-01T00:00:00Z";
    private static final String FC_TO = "2030-04-02T00:00:00Z";
    private static String f3;

    private static Publisher publisher;
    private static final Map<String, Integer> published = new LinkedHashMap<>();

    @BeforeEach
    void publishTheFixture() {
        if (!published.isEmpty()) {
            return;
        }
        publisher = new Publisher();
        String p1 = phone();
        String p3 = phone();
        String p7 = phone();

        String k0 = TestEvents.newComplaintId();
        Instant k0At = Instant.parse("2030-02-10T08:00:00Z");
        publish(registered(k0, k0At, Category.NETWORK, Channel.HOTLINE, p1),
                TestEvents.dispatched(k0, k0At.plusSeconds(600), "kpi-net"),
                TestEvents.returned(k0, 1, k0At.plusSeconds(3600), true),
                TestEvents.surveyPassed(k0, 1, Instant.parse("2030-02-12T08:00:00Z")),
                TestEvents.closed(k0, 1, Instant.parse("2030-02-12T08:00:00Z"), CloseOutcome.SATISFIED));

        String k1 = TestEvents.newComplaintId();
        publish(registered(k1, h(1), Category.NETWORK, Channel.HOTLINE, p1),
                TestEvents.dispatched(k1, h(1).plusSeconds(600), "kpi-net"),
                TestEvents.clockStarted(k1, SlaClock.RETURN, k1 + "-W1", h(1).plusSeconds(600), Duration.ofHours(24)),
                TestEvents.returned(k1, 1, h(5), true),
                TestEvents.surveyPassed(k1, 1, h(6)),
                TestEvents.closed(k1, 1, h(6), CloseOutcome.SATISFIED));

        String k2 = TestEvents.newComplaintId();
        SlaClockStarted k2w1 = TestEvents.clockStarted(k2, SlaClock.RETURN, k2 + "-W1", h(2), Duration.ofHours(4));
        publish(registered(k2, h(2), Category.NETWORK, Channel.ONLINE, phone()),
                TestEvents.dispatched(k2, h(2), "kpi-net"), k2w1, TestEvents.warning(k2w1), TestEvents.breach(k2w1),
                TestEvents.returned(k2, 1, h(7), true),
                TestEvents.surveyFailed(k2, 1, h(8), true, true),
                TestEvents.redispatched(k2, 2, h(8), "kpi-net-sup"),
                TestEvents.clockStarted(k2, SlaClock.RETURN, k2 + "-W2", h(8), Duration.ofHours(24)),
                TestEvents.returned(k2, 2, h(10), true),
                TestEvents.surveyPassed(k2, 2, h(11)),
                TestEvents.closed(k2, 2, h(11), CloseOutcome.SATISFIED));

        String k3 = TestEvents.newComplaintId();
        publish(registered(k3, h(3), Category.BUSINESS, Channel.HOTLINE, p3),
                TestEvents.dispatched(k3, h(3), "kpi-bill"),
                TestEvents.clockStarted(k3, SlaClock.RETURN, k3 + "-W1", h(3), Duration.ofHours(24)),
                TestEvents.returned(k3, 1, h(4), false),
                TestEvents.surveyFailed(k3, 1, h(5), false, false),
                TestEvents.closed(k3, 1, h(5), CloseOutcome.EXPLAINED));

        String k4 = TestEvents.newComplaintId();
        SlaClockStarted k4w1 = TestEvents.clockStarted(k4, SlaClock.RETURN, k4 + "-W1", h(4), Duration.ofHours(2));
        publish(registered(k4, h(4), Category.NETWORK, Channel.HOTLINE, phone()),
                TestEvents.dispatched(k4, h(4), "kpi-net"), k4w1, TestEvents.warning(k4w1), TestEvents.breach(k4w1));

        String k5 = TestEvents.newComplaintId();
        publish(registered(k5, h(5), Category.NETWORK, Channel.HOTLINE, phone()),
                TestEvents.dispatched(k5, h(5), "kpi-net"),
                TestEvents.returned(k5, 1, h(6), true),
                TestEvents.surveyPassed(k5, 1, h(7)),
                TestEvents.closed(k5, 1, h(7), CloseOutcome.SATISFIED));

        publish(registered(TestEvents.newComplaintId(), Instant.parse(TO), Category.NETWORK, Channel.HOTLINE, p1));
        publish(registered(TestEvents.newComplaintId(), h(20), Category.NETWORK, Channel.HOTLINE, p1));
        publish(registered(TestEvents.newComplaintId(), h(21), Category.NETWORK, Channel.HOTLINE, p3));

        String k9 = TestEvents.newComplaintId();
        Instant k9At = Instant.parse("2030-01-20T08:00:00Z");
        publish(registered(k9, k9At, Category.BUSINESS, Channel.HOTLINE, p7),
                TestEvents.dispatched(k9, k9At, "kpi-bill"),
                TestEvents.returned(k9, 1, k9At.plusSeconds(600), true),
                TestEvents.surveyPassed(k9, 1, k9At.plusSeconds(1200)),
                TestEvents.closed(k9, 1, k9At.plusSeconds(1200), CloseOutcome.SATISFIED));
        publish(registered(TestEvents.newComplaintId(), h(22), Category.BUSINESS, Channel.HOTLINE, p7));

        publishTheFirstContactFixture();
        published.forEach(Api::awaitApplied);
    }

    private static void publishTheFirstContactFixture() {
        String f1 = TestEvents.newComplaintId();
        publish(TestEvents.resolvedAtFirstContact(registered(f1, g(1), Category.NETWORK, Channel.HOTLINE, phone())),
                TestEvents.clockStarted(f1, SlaClock.CONTACT, null, g(1), Duration.ofHours(24)),
                TestEvents.clockStarted(f1, SlaClock.ANSWER, null, g(1), Duration.ofHours(48)),
                TestEvents.surveyPassedAtFirstContact(f1, g(2)),
                TestEvents.closedAtFirstContact(f1, g(2), CloseOutcome.SATISFIED));

        String f2 = TestEvents.newComplaintId();
        publish(TestEvents.resolvedAtFirstContact(registered(f2, g(2), Category.BUSINESS, Channel.ONLINE, phone())),
                TestEvents.surveyFailedAtFirstContact(f2, g(3), true, false),
                TestEvents.dispatched(f2, g(3), "kpi-fc-bill"),
                TestEvents.clockStarted(f2, SlaClock.RETURN, f2 + "-W1", g(3), Duration.ofHours(24)),
                TestEvents.returned(f2, 1, g(5), true),
                TestEvents.surveyPassed(f2, 1, g(6)),
                TestEvents.closed(f2, 1, g(6), CloseOutcome.SATISFIED));

        f3 = TestEvents.newComplaintId();
        publish(TestEvents.resolvedAtFirstContact(registered(f3, g(3), Category.NETWORK, Channel.HOTLINE, phone())),
                TestEvents.unreachableAtFirstContact(f3, 1, g(4)));

        String d1 = TestEvents.newComplaintId();
        SlaClockStarted d1Return = TestEvents.clockStarted(d1, SlaClock.RETURN, d1 + "-W1", g(4), Duration.ofHours(2));
        SlaClockStarted d1Contact = TestEvents.clockStarted(d1, SlaClock.CONTACT, null, g(4), Duration.ofHours(24));
        publish(registered(d1, g(4), Category.NETWORK, Channel.HOTLINE, phone()),
                TestEvents.dispatched(d1, g(4), "kpi-fc-net"), d1Return, d1Contact, TestEvents.breach(d1Return),
                TestEvents.returned(d1, 1, g(7), true), TestEvents.breach(d1Contact));

        publish(registered(TestEvents.newComplaintId(), g(5), Category.NETWORK, Channel.HOTLINE, phone()));
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static void publish(ComplaintEvent... events) {
        publisher.publish(events);
        published.put(events[0].complaintId(), events.length);
    }

    private static Instant h(int hours) {
        return T.plus(Duration.ofHours(hours));
    }

    private static Instant g(int hours) {
        return G.plus(Duration.ofHours(hours));
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static ComplaintRegistered registered(String id, Instant at, Category category, Channel channel,
                                                  String phone) {
        return TestEvents.registered(id, at, channel, category, "KPI-R", CustomerTier.STANDARD, Urgency.NORMAL, phone);
    }

    private static JsonPath kpis(String groupBy) {
        return kpis(FROM, TO, groupBy);
    }

    private static JsonPath kpis(String from, String to, String groupBy) {
        String body = as(OPERATOR).queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
                .get("/kpis").then().statusCode(200).extract().asString();
        // Rates as doubles, exactly as served (REST Assured reads floats by default).
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void theFiguresPerCategoryEqualTheHandComputedFixture() {
        JsonPath report = kpis("category");

        assertThat(report.getString("groupBy")).isEqualTo("category");
        assertThat(report.getList("groups.group")).containsExactly("BUSINESS", "NETWORK");

        Map<String, Object> network = report.getMap("groups[1]");
        assertThat(network).containsEntry("volume", 6).containsEntry("closed", 3)
                .containsEntry("returnsJudged", 4).containsEntry("returnsOnTime", 2)
                .containsEntry("onTimeReturnRate", 0.5)
                .containsEntry("warnings", 2).containsEntry("breaches", 2)
                .containsEntry("meanHandlingTime", "PT5H20M").containsEntry("meanHandlingSeconds", 19200.0)
                .containsEntry("p90HandlingTime", "PT9H").containsEntry("p90HandlingSeconds", 32400.0)
                .containsEntry("surveysPassed", 3).containsEntry("surveysAnswered", 4)
                .containsEntry("satisfactionRate", 0.75)
                .containsEntry("redispatched", 1).containsEntry("redispatchRate", 1.0 / 6)
                .containsEntry("recurrences", 2).containsEntry("recurrenceRate", 2.0 / 6);

        Map<String, Object> business = report.getMap("groups[0]");
        assertThat(business).containsEntry("volume", 2).containsEntry("closed", 1)
                .containsEntry("returnsJudged", 1).containsEntry("onTimeReturnRate", 1.0)
                .containsEntry("warnings", 0).containsEntry("breaches", 0)
                .containsEntry("meanHandlingTime", "PT2H").containsEntry("p90HandlingTime", "PT2H")
                .containsEntry("surveysAnswered", 1).containsEntry("satisfactionRate", 0.0)
                .containsEntry("redispatchRate", 0.0).containsEntry("recurrenceRate", 0.0);
    }

    @Test
    void theTotalCoversThePeriodOnly() {
        Map<String, Object> total = kpis("category").getMap("total");

        assertThat(total).containsEntry("group", "ALL").containsEntry("volume", 8).containsEntry("closed", 4)
                .containsEntry("returnsJudged", 5).containsEntry("returnsOnTime", 3)
                .containsEntry("onTimeReturnRate", 0.6)
                .containsEntry("meanHandlingTime", "PT4H30M").containsEntry("p90HandlingTime", "PT9H")
                .containsEntry("surveysPassed", 3).containsEntry("surveysAnswered", 5)
                .containsEntry("satisfactionRate", 0.6)
                .containsEntry("redispatchRate", 0.125).containsEntry("recurrenceRate", 0.25)
                .containsEntry("resolvedAtFirstContact", 0).containsEntry("firstContactResolutionRate", 0.0);
    }

    @Test
    void theFirstContactResolutionRateStandsBesideTheOtherFigures() {
        JsonPath report = kpis(FC_FROM, FC_TO, "category");
        Map<String, Object> total = report.getMap("total");

        assertThat(total).containsEntry("volume", 5).containsEntry("closed", 2)
                .containsEntry("resolvedAtFirstContact", 3).containsEntry("firstContactResolutionRate", 0.6)
                .containsEntry("returnsJudged", 2).containsEntry("returnsOnTime", 1)
                .containsEntry("onTimeReturnRate", 0.5)
                .containsEntry("redispatched", 0).containsEntry("redispatchRate", 0.0)
                .containsEntry("surveysPassed", 2).containsEntry("surveysAnswered", 3)
                .containsEntry("satisfactionRate", 2.0 / 3)
                .containsEntry("meanHandlingTime", "PT2H30M")
                .containsEntry("contactsOnTime", 3).containsEntry("contactsJudged", 4)
                .containsEntry("contactTimeliness", 0.75)
                .containsEntry("answersOnTime", 3).containsEntry("answersJudged", 3)
                .containsEntry("answerTimeliness", 1.0)
                .containsEntry("replied", 3).containsEntry("repliesDue", 3).containsEntry("replyRate", 1.0);
        assertThat(report.getList("total.belowTarget")).containsExactly("contactTimeliness");
        assertThat(report.getList("targets.figure")).doesNotContain("firstContactResolutionRate");

        assertThat(report.getList("groups.group")).containsExactly("BUSINESS", "NETWORK");
        assertThat(report.getList("groups.resolvedAtFirstContact", Integer.class)).containsExactly(1, 2);
        assertThat(report.getList("groups.firstContactResolutionRate", Double.class)).containsExactly(1.0, 0.5);
    }

    @Test
    void theFirstContactResolutionRateIsGivenForEveryGrouping() {
        JsonPath byDepartment = kpis(FC_FROM, FC_TO, "department");
        assertThat(byDepartment.getList("groups.group"))
                .containsExactly("FIRST_CONTACT", "UNDISPATCHED", "kpi-fc-bill", "kpi-fc-net");
        assertThat(byDepartment.getList("groups.volume", Integer.class)).containsExactly(2, 1, 1, 1);
        assertThat(byDepartment.getList("groups.firstContactResolutionRate", Double.class))
                .containsExactly(1.0, 0.0, 1.0, 0.0);
        // The first work order of a complaint whose first-contact answer was refused is no redispatch.
        assertThat(byDepartment.getMap("groups[2]")).containsEntry("returnsJudged", 1)
                .containsEntry("onTimeReturnRate", 1.0).containsEntry("redispatchRate", 0.0);

        JsonPath byChannel = kpis(FC_FROM, FC_TO, "channel");
        assertThat(byChannel.getList("groups.group")).containsExactly("HOTLINE", "ONLINE");
        assertThat(byChannel.getList("groups.firstContactResolutionRate", Double.class)).containsExactly(0.5, 1.0);

        JsonPath byRegion = kpis(FC_FROM, FC_TO, "region");
        assertThat(byRegion.getList("groups.group")).containsExactly("KPI-R");
        assertThat(byRegion.getList("groups.firstContactResolutionRate", Double.class)).containsExactly(0.6);
    }

    @Test
    void aComplaintResolvedAtTheFirstContactShowsWhatWasDoneAndWaitsForItsSurvey() {
        JsonPath view = Api.caseView(f3);

        assertThat(view.getString("status")).isEqualTo("RESOLVED_AT_FIRST_CONTACT");
        assertThat(view.getString("resolvedAtFirstContact.measures")).isEqualTo(TestEvents.FIRST_CONTACT_RESOLUTION.measures());
        assertThat(view.getString("resolvedAtFirstContact.explanation"))
                .isEqualTo(TestEvents.FIRST_CONTACT_RESOLUTION.explanation());
        assertThat(view.getString("firstReachedAt")).isEqualTo("2030-04-01T03:00:00Z");
        assertThat(view.getString("answeredAt")).isEqualTo("2030-04-01T03:00:00Z");
        assertThat(view.getInt("attempts")).isZero();
        assertThat(view.getString("department")).isNull();
        assertThat(view.getString("surveyOutcome")).isNull();
    }

    @Test
    void aComplaintCountsUnderTheDepartmentItWasFirstDispatchedTo() {
        JsonPath report = kpis("department");

        assertThat(report.getList("groups.group")).containsExactly("UNDISPATCHED", "kpi-bill", "kpi-net");
        assertThat(report.getList("groups.volume", Integer.class)).containsExactly(3, 1, 4);
        Map<String, Object> net = report.getMap("groups[2]");
        assertThat(net).containsEntry("closed", 3).containsEntry("returnsJudged", 4).containsEntry("returnsOnTime", 2)
                .containsEntry("redispatchRate", 0.25).containsEntry("recurrenceRate", 0.25)
                .containsEntry("satisfactionRate", 0.75);
        assertThat(report.getMap("groups[0]")).containsEntry("recurrenceRate", 1.0 / 3);
        assertThat(report.getString("groups[0].meanHandlingTime")).isNull();
        assertThat(report.getString("groups[0].satisfactionRate")).isNull();
    }

    @Test
    void byChannelAndRegionTheVolumesSplit() {
        assertThat(kpis("channel").getList("groups.volume", Integer.class)).containsExactly(7, 1);
        assertThat(kpis("region").getList("groups.group")).containsExactly("KPI-R");
    }

    @Test
    void wrongParametersAreListed() {
        as(OPERATOR).queryParam("from", TO).queryParam("to", FROM).queryParam("groupBy", "colour").get("/kpis").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.size()", equalTo(2));
        as(OPERATOR).queryParam("from", "March").get("/kpis").then().statusCode(400).body("errors[0].field", equalTo("from"));
        // A report folds its cases in memory: a period longer than a year, or dates the database cannot hold, are refused.
        as(OPERATOR).queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2025-01-02T00:00:01Z").get("/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(OPERATOR).queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z").get("/kpis")
                .then().statusCode(200);
        as(OPERATOR).queryParam("to", "+1000000000-01-01T00:00:00Z").get("/kpis").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }
}
