package com.telco.complaints.analytics.it;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.CloseOutcome;
import com.telco.complaints.contracts.event.ComplaintEvent;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.ContactChannel;
import com.telco.complaints.contracts.event.ContactKind;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.SlaClock;
import com.telco.complaints.contracts.event.SlaClockStarted;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.analytics.rest.pdf.PdfFonts;
import com.telco.complaints.testsupport.SuiteTestResource;
import com.telco.complaints.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.telco.complaints.testsupport.Callers.AUDITOR;
import static com.telco.complaints.testsupport.Callers.OPERATOR;
import static com.telco.complaints.testsupport.Callers.SURVEYOR;
import static com.telco.complaints.testsupport.Callers.anonymous;
import static com.telco.complaints.testsupport.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /reports/monthly over a fixture of November 2026 against October 2026 in the business zone (Asia/Shanghai,
 * +08:00: November is [2026-10-31T16:00Z, 2026-11-30T16:00Z), October [2026-09-30T16:00Z, 2026-10-31T16:00Z)), every
 * figure computed by hand below. A start of its own (a fresh database), so no other test's complaints fall in the
 * months.
 * <pre>
 *  case cat  chan  region dept     registered (UTC)      what happened
 *  N1   NET  HOTL  MR-A   mr-net   2026-10-31 16:00:00   Nov 1 00:00 local, the first instant of November. CONTACT 24 h
 *                                                        and ANSWER 48 h; RETURN 24 h, returned +5 h on time; final
 *                                                        answer reached +6 h; survey passed, closed +7 h
 *  N2   NET  ONLN  MR-A   mr-net   2026-11-10 02:00      RETURN 2 h warned and breached, returned +3 h late; ANSWER 48 h
 *                                                        breached unanswered; survey failed (not at fault), closed
 *                                                        EXPLAINED +50 h
 *  N3   BUS  HOTL  MR-B   mr-bill  2026-11-05 02:00      phone P; disputes 10.00 yuan of SP901234; RETURN 24 h, returned
 *                                                        +2 h on time, passed, closed +3 h; refunded provisionally Nov 20
 *  N4   NET  HOTL  MR-A   -        2026-11-30 15:59:59   Nov 30 23:59:59 local, the last second of November
 *  N5   NET  HOTL  MR-A   net-ops  2026-11-20 02:00      linked +1 min to the outage INC-20261120-0001 (declared 01:00,
 *                                                        estimate Nov 21 10:00) held by network-ops; returned (no clock)
 *                                                        by its resolution Nov 22 02:00
 *  N6   NET  HOTL  MR-A   net-ops  2026-11-21 02:00      the same
 *  N7   SVC  ONLN  MR-B   -        2026-11-25 02:00      registered only
 *  O1   NET  HOTL  MR-A   -        2026-10-31 15:59:59   Oct 31 23:59:59 local (Oct 31 in UTC too, like N1): October
 *  O2   BUS  HOTL  MR-B   mr-bill  2026-10-10 02:00      phone P; returned (no clock), passed, closed 2026-10-20 02:00
 *  O3   BUS  ONLN  MR-B   -        2026-10-15 02:00      disputes SP901234's charge, proved 2026-11-03 (October's dispute)
 *  S1   NET  HOTL  MR-A   -        2026-09-30 15:59:59   Sep 30 23:59:59 local: in neither month
 *  D1   NET  HOTL  MR-A   -        2026-11-30 16:00:00   Dec 1 00:00 local: in neither month
 * </pre>
 * Volumes, November against October: total 7 vs 3 (+4, 4/3); by category BUSINESS 1 vs 2 (-1, -0.5), NETWORK 5 vs 1
 * (+4, 4.0), SERVICE 1 vs 0 (+1, none); by channel HOTLINE 5 vs 2 (+3, 1.5), ONLINE 2 vs 1 (+1, 1.0); by region MR-A
 * 5 vs 1, MR-B 2 vs 2 (0, 0.0); by department UNDISPATCHED 2 vs 2, mr-bill 1 vs 1, mr-net 2 vs 0, network-ops 2 vs 0.
 * Rates of November (October): on-time returns N1, N3 of N1 N2 N3 = 2/3 (none judged: null); satisfaction N1 N3 of
 * N1 N2 N3 = 2/3 (O2: 1.0); reply N1 of N1 N2 = 0.5, target >= 1.0 missed (null); contact N1 of N1 = 1.0, met; answer
 * N1 of N1 N2 = 0.5, missed; no PROGRESS run: null; recurrence N3 (O2 closed 16 days before, same phone and category)
 * of 7 = 1/7 (0 of 3 = 0.0); no subscribers configured: complaintsPer10k null.
 * Hotspots: MR-A × NETWORK 5 in November (N1 N2 N5 N6 N4 in registration order), 1 in October (O1): usual = 1 x 30 /
 * 31 days, 5 >= 5 and >= 3 x usual, ratio 5 / (30 / 31) = 31 / 6; MR-B's pairs have 1 each, under the floor of 5.
 * Breaches by department: mr-net 2 (N2's RETURN and ANSWER), 1 warning; UNDISPATCHED, mr-bill and network-ops 0.
 * Incidents: INC-20261120-0001 (MR-A, NETWORK, network-ops), 2 complaints, both returned, resolved Nov 22 02:00.
 * Billing disputes of November: N3 only (O3 was registered in October): 1 dispute, no proof, 1 refund of 1,000 fen;
 * per SP: SP901234 1 complaint, 1 dispute, 1 refund, 1,000 fen.
 */
@QuarkusTest
@TestProfile(MonthlyReportIT.OwnMonths.class)
@QuarkusTestResource(SuiteTestResource.class)
class MonthlyReportIT {

    /** An application start of its own: its own topics and database, so the two months hold this fixture only. */
    public static class OwnMonths implements QuarkusTestProfile {}

    private static final String PDF = "application/pdf";
    private static final String OUTAGE = "INC-20261120-0001";
    private static final Instant OUTAGE_DECLARED = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant OUTAGE_ESTIMATE = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant OUTAGE_RESOLVED = Instant.parse("2026-11-22T02:00:00Z");
    private static final Map<String, Integer> published = new LinkedHashMap<>();
    private static Publisher publisher;
    private static String n1;
    private static String n2;
    private static String n4;
    private static String n5;
    private static String n6;

    @BeforeEach
    void publishTheFixture() {
        if (!published.isEmpty()) {
            return;
        }
        publisher = new Publisher();
        String p = phone();

        n1 = TestEvents.newComplaintId();
        Instant n1At = Instant.parse("2026-10-31T16:00:00Z");
        publish(registered(n1, n1At, Category.NETWORK, Channel.HOTLINE, "MR-A", phone()),
                TestEvents.clockStarted(n1, SlaClock.CONTACT, null, n1At, Duration.ofHours(24)),
                TestEvents.clockStarted(n1, SlaClock.ANSWER, null, n1At, Duration.ofHours(48)),
                TestEvents.dispatched(n1, n1At, "mr-net"),
                TestEvents.clockStarted(n1, SlaClock.RETURN, n1 + "-W1", n1At, Duration.ofHours(24)),
                TestEvents.returned(n1, 1, n1At.plus(Duration.ofHours(5)), true),
                TestEvents.contacted(n1, n1At.plus(Duration.ofHours(6)), ContactKind.FINAL_ANSWER, ContactChannel.PHONE,
                        true, null),
                TestEvents.surveyPassed(n1, 1, n1At.plus(Duration.ofHours(7))),
                TestEvents.closed(n1, 1, n1At.plus(Duration.ofHours(7)), CloseOutcome.SATISFIED));

        n2 = TestEvents.newComplaintId();
        Instant n2At = Instant.parse("2026-11-10T02:00:00Z");
        SlaClockStarted n2Return = TestEvents.clockStarted(n2, SlaClock.RETURN, n2 + "-W1", n2At, Duration.ofHours(2));
        SlaClockStarted n2Answer = TestEvents.clockStarted(n2, SlaClock.ANSWER, null, n2At, Duration.ofHours(48));
        publish(registered(n2, n2At, Category.NETWORK, Channel.ONLINE, "MR-A", phone()),
                TestEvents.dispatched(n2, n2At, "mr-net"), n2Return, n2Answer,
                TestEvents.warning(n2Return), TestEvents.breach(n2Return),
                TestEvents.returned(n2, 1, n2At.plus(Duration.ofHours(3)), true),
                TestEvents.breach(n2Answer),
                TestEvents.surveyFailed(n2, 1, n2At.plus(Duration.ofHours(50)), false, false),
                TestEvents.closed(n2, 1, n2At.plus(Duration.ofHours(50)), CloseOutcome.EXPLAINED));

        String n3 = TestEvents.newComplaintId();
        Instant n3At = Instant.parse("2026-11-05T02:00:00Z");
        publish(TestEvents.disputing(registered(n3, n3At, Category.BUSINESS, Channel.HOTLINE, "MR-B", p),
                        TestEvents.BILLING_DISPUTE),
                TestEvents.dispatched(n3, n3At, "mr-bill"),
                TestEvents.clockStarted(n3, SlaClock.RETURN, n3 + "-W1", n3At, Duration.ofHours(24)),
                TestEvents.returned(n3, 1, n3At.plus(Duration.ofHours(2)), true),
                TestEvents.surveyPassed(n3, 1, n3At.plus(Duration.ofHours(3))),
                TestEvents.closed(n3, 1, n3At.plus(Duration.ofHours(3)), CloseOutcome.SATISFIED),
                TestEvents.provisionalRefund(n3, Instant.parse("2026-11-20T02:00:00Z"),
                        Instant.parse("2026-11-20T02:00:00Z")));

        n4 = registeredOnly("2026-11-30T15:59:59Z", Category.NETWORK, Channel.HOTLINE, "MR-A");
        n5 = linkedToTheOutage("2026-11-20T02:00:00Z");
        n6 = linkedToTheOutage("2026-11-21T02:00:00Z");
        registeredOnly("2026-11-25T02:00:00Z", Category.SERVICE, Channel.ONLINE, "MR-B");

        registeredOnly("2026-10-31T15:59:59Z", Category.NETWORK, Channel.HOTLINE, "MR-A");
        String o2 = TestEvents.newComplaintId();
        Instant o2At = Instant.parse("2026-10-10T02:00:00Z");
        publish(registered(o2, o2At, Category.BUSINESS, Channel.HOTLINE, "MR-B", p),
                TestEvents.dispatched(o2, o2At, "mr-bill"),
                TestEvents.returned(o2, 1, o2At.plus(Duration.ofHours(4)), true),
                TestEvents.surveyPassed(o2, 1, Instant.parse("2026-10-20T02:00:00Z")),
                TestEvents.closed(o2, 1, Instant.parse("2026-10-20T02:00:00Z"), CloseOutcome.SATISFIED));
        String o3 = TestEvents.newComplaintId();
        publish(TestEvents.disputing(registered(o3, Instant.parse("2026-10-15T02:00:00Z"), Category.BUSINESS,
                        Channel.ONLINE, "MR-B", phone()), TestEvents.BILLING_DISPUTE),
                TestEvents.spProofReceived(o3, Instant.parse("2026-11-03T02:00:00Z")));

        registeredOnly("2026-09-30T15:59:59Z", Category.NETWORK, Channel.HOTLINE, "MR-A");
        registeredOnly("2026-11-30T16:00:00Z", Category.NETWORK, Channel.HOTLINE, "MR-A");
        published.forEach(Api::awaitApplied);
    }

    @AfterAll
    static void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** Registered at {@code at}, linked to {@link #OUTAGE} a minute later, returned by its resolution. */
    private static String linkedToTheOutage(String at) {
        String id = TestEvents.newComplaintId();
        Instant registeredAt = Instant.parse(at);
        publish(registered(id, registeredAt, Category.NETWORK, Channel.HOTLINE, "MR-A", phone()),
                TestEvents.incidentLinked(id, OUTAGE, "MR-A", OUTAGE_DECLARED, 1, null, registeredAt.plusSeconds(60),
                        OUTAGE_ESTIMATE, 1),
                TestEvents.returned(id, 1, OUTAGE_RESOLVED, true));
        return id;
    }

    private static String registeredOnly(String at, Category category, Channel channel, String region) {
        String id = TestEvents.newComplaintId();
        publish(registered(id, Instant.parse(at), category, channel, region, phone()));
        return id;
    }

    private static void publish(ComplaintEvent... events) {
        publisher.publish(events);
        published.put(events[0].complaintId(), events.length);
    }

    private static ComplaintRegistered registered(String id, Instant at, Category category, Channel channel,
                                                  String region, String phone) {
        return TestEvents.registered(id, at, channel, category, region, CustomerTier.STANDARD, Urgency.NORMAL, phone);
    }

    private static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static JsonPath november() {
        String body = as(OPERATOR).queryParam("month", "2026-11").get("/reports/monthly").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static byte[] novemberPdf() {
        return as(OPERATOR).accept(PDF).queryParam("month", "2026-11").get("/reports/monthly").then().statusCode(200)
                .contentType(PDF).extract().asByteArray();
    }

    /** A volume line as [group, count, previous, change, changeRate]. */
    private static List<Object> volume(JsonPath report, String path) {
        Map<String, Object> v = report.getMap(path);
        return Arrays.asList(v.get("group"), v.get("count"), v.get("previous"), v.get("change"), v.get("changeRate"));
    }

    @Test
    void theMonthIsTheBusinessZonesAndItsVolumesStandAgainstThePreviousMonth() {
        JsonPath report = november();

        assertThat(report.getString("month")).isEqualTo("2026-11");
        assertThat(report.getString("zone")).isEqualTo("Asia/Shanghai");
        assertThat(report.getString("from")).isEqualTo("2026-10-31T16:00:00Z");
        assertThat(report.getString("to")).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(report.getString("previousFrom")).isEqualTo("2026-09-30T16:00:00Z");

        assertThat(volume(report, "volumes.total")).containsExactly("ALL", 7, 3, 4, 4.0 / 3);
        assertThat(report.getList("volumes.byCategory.group")).containsExactly("BUSINESS", "NETWORK", "SERVICE");
        assertThat(volume(report, "volumes.byCategory[0]")).containsExactly("BUSINESS", 1, 2, -1, -0.5);
        assertThat(volume(report, "volumes.byCategory[1]")).containsExactly("NETWORK", 5, 1, 4, 4.0);
        assertThat(volume(report, "volumes.byCategory[2]")).containsExactly("SERVICE", 1, 0, 1, null);
        assertThat(report.getList("volumes.byChannel.group")).containsExactly("HOTLINE", "ONLINE");
        assertThat(volume(report, "volumes.byChannel[0]")).containsExactly("HOTLINE", 5, 2, 3, 1.5);
        assertThat(volume(report, "volumes.byChannel[1]")).containsExactly("ONLINE", 2, 1, 1, 1.0);
        assertThat(report.getList("volumes.byRegion.group")).containsExactly("MR-A", "MR-B");
        assertThat(volume(report, "volumes.byRegion[0]")).containsExactly("MR-A", 5, 1, 4, 4.0);
        assertThat(volume(report, "volumes.byRegion[1]")).containsExactly("MR-B", 2, 2, 0, 0.0);
        assertThat(report.getList("volumes.byDepartment.group")).containsExactly("UNDISPATCHED", "mr-bill", "mr-net",
                "network-ops");
        assertThat(volume(report, "volumes.byDepartment[0]")).containsExactly("UNDISPATCHED", 2, 2, 0, 0.0);
        assertThat(volume(report, "volumes.byDepartment[1]")).containsExactly("mr-bill", 1, 1, 0, 0.0);
        assertThat(volume(report, "volumes.byDepartment[2]")).containsExactly("mr-net", 2, 0, 2, null);
        assertThat(volume(report, "volumes.byDepartment[3]")).containsExactly("network-ops", 2, 0, 2, null);
    }

    @Test
    void theRatesStandAgainstTheSeedsTargets() {
        JsonPath report = november();

        assertThat(report.getList("rates.figure")).containsExactly("onTimeReturnRate", "satisfactionRate", "replyRate",
                "contactTimeliness", "answerTimeliness", "progressCompliance", "recurrenceRate", "complaintsPer10k");
        assertThat(rate(report, 0)).containsExactly(2.0 / 3, null, null, null);
        assertThat(rate(report, 1)).containsExactly(2.0 / 3, 1.0, null, null);
        assertThat(rate(report, 2)).containsExactly(0.5, null, ">= 1.0", false);
        assertThat(rate(report, 3)).containsExactly(1.0, null, ">= 0.9", true);
        assertThat(rate(report, 4)).containsExactly(0.5, null, ">= 0.9", false);
        assertThat(rate(report, 5)).containsExactly(null, null, ">= 0.9", null);
        assertThat(rate(report, 6)).containsExactly(1.0 / 7, 0.0, null, null);
        assertThat(rate(report, 7)).containsExactly(null, null, "< 5.0", null);
    }

    /** A rate as [value, previous, target, met]. */
    private static List<Object> rate(JsonPath report, int index) {
        Map<String, Object> r = report.getMap("rates[" + index + "]");
        return Arrays.asList(r.get("value"), r.get("previous"), r.get("target"), r.get("met"));
    }

    @Test
    void hotspotsBreachesIncidentsAndBillingDisputesOfTheMonth() {
        JsonPath report = november();

        assertThat(report.getList("hotspots")).hasSize(1);
        assertThat(report.getString("hotspots[0].region")).isEqualTo("MR-A");
        assertThat(report.getString("hotspots[0].category")).isEqualTo("NETWORK");
        assertThat(report.getInt("hotspots[0].count")).isEqualTo(5);
        assertThat(report.getDouble("hotspots[0].usual")).isCloseTo(30.0 / 31, within(1e-9));
        assertThat(report.getDouble("hotspots[0].ratio")).isCloseTo(31.0 / 6, within(1e-9));
        assertThat(report.getList("hotspots[0].complaintIds")).containsExactly(n1, n2, n5, n6, n4);

        assertThat(report.getList("breachesByDepartment.department")).containsExactly("mr-net", "UNDISPATCHED", "mr-bill",
                "network-ops");
        assertThat(report.getList("breachesByDepartment.breaches", Integer.class)).containsExactly(2, 0, 0, 0);
        assertThat(report.getList("breachesByDepartment.warnings", Integer.class)).containsExactly(1, 0, 0, 0);

        assertThat(report.getList("incidents")).hasSize(1);
        assertThat(report.getMap("incidents[0]")).containsEntry("incidentId", OUTAGE).containsEntry("region", "MR-A")
                .containsEntry("category", "NETWORK").containsEntry("department", "network-ops")
                .containsEntry("declaredAt", OUTAGE_DECLARED.toString())
                .containsEntry("estimatedRepairAt", OUTAGE_ESTIMATE.toString())
                .containsEntry("resolvedAt", OUTAGE_RESOLVED.toString())
                .containsEntry("complaints", 2).containsEntry("returned", 2);
        // N3's refund counts; O3's proof, recorded in November, is October's dispute.
        assertThat(report.getMap("billingDisputes")).containsEntry("disputes", 1).containsEntry("proofsReceived", 0)
                .containsEntry("provisionalRefunds", 1).containsEntry("refundedFen", 1000);
        assertThat(report.getList("billingDisputes.perSp")).hasSize(1);
        assertThat(report.getMap("billingDisputes.perSp[0]")).containsEntry("spCode", "SP901234")
                .containsEntry("complaints", 1).containsEntry("disputes", 1).containsEntry("refunds", 1)
                .containsEntry("refundedFen", 1000).containsEntry("proofs", 0);
    }

    @Test
    void thePdfHasTheChineseHeadingsTheFiguresAndItsFontEmbedded() throws Exception {
        byte[] pdf = novemberPdf();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("月度投诉分析报告", "投诉量", "按类别", "按渠道", "按地区", "按部门", "回单及时率", "满意率",
                    "答复率", "重复投诉率", "热点问题", "超时", "故障事件", "计费争议与退费");
            assertThat(text).contains("2026 年 11 月", "投诉量 7（上月 3，变化 +4，+133.3%）", "66.7%", "14.3%", "50.0%",
                    "未达标", "达标", "MR-A", "5.17", OUTAGE + " Outage " + OUTAGE, "SP901234", "10.00");
            assertThat(PdfFonts.of(document)).isNotEmpty().allSatisfy(font -> assertThat(font)
                    .as("every font a subset of the TrueType font, embedded")
                    .extracting("type0", "trueType", "embedded", "subset").containsOnly(true));

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
            File png = new File("target/monthly-report/monthly-report-2026-11.png");
            assertThat(png.getParentFile().mkdirs() || png.getParentFile().isDirectory()).isTrue();
            ImageIO.write(page, "png", png);
            assertThat(page.getWidth()).isBetween(820, 830); // A4 at 100 dpi: 8.27 in
        }
    }

    @Test
    void pdfOrJsonIsChosenByAcceptOrByFormat() {
        as(OPERATOR).accept("application/pdf;q=0.5, application/json").queryParam("month", "2026-11")
                .get("/reports/monthly").then().statusCode(200).contentType(containsString("application/json"));
        as(AUDITOR).queryParam("month", "2026-11").queryParam("format", "pdf").get("/reports/monthly").then()
                .statusCode(200).contentType(PDF);
        as(OPERATOR).accept(PDF).queryParam("month", "2026-11").queryParam("format", "json").get("/reports/monthly")
                .then().statusCode(200).contentType(containsString("application/json"));
        as(OPERATOR).accept("text/html").queryParam("month", "2026-11").get("/reports/monthly").then()
                .statusCode(406).contentType(containsString("application/problem+json"));
    }

    @Test
    void aMissingOrWrongMonthIsRefusedAndOnlyReadersPass() {
        as(OPERATOR).get("/reports/monthly").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("month"));
        as(OPERATOR).accept(PDF).queryParam("month", "November").get("/reports/monthly").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        as(OPERATOR).queryParam("month", "2026-13").queryParam("format", "xls").get("/reports/monthly").then()
                .statusCode(400).body("errors.field", contains("month", "format"));
        as(OPERATOR).queryParam("month", "1969-12").get("/reports/monthly").then().statusCode(400);

        anonymous().queryParam("month", "2026-11").get("/reports/monthly").then().statusCode(401);
        as(SURVEYOR).queryParam("month", "2026-11").get("/reports/monthly").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }
}
