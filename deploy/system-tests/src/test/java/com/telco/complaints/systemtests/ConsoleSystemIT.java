package com.telco.complaints.systemtests;

import com.telco.complaints.contracts.wire.EventType;
import com.telco.complaints.deploy.suite.Service;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 11, the web console in a real browser (Debian's headless chromium): an agent finds a newly registered
 * complaint's work order in the queue and returns it through the form (the door's field errors beside the fields
 * of an incomplete return first), a survey agent answers the survey, an auditor sees the case closed with its
 * timeline and a valid chain, and an operator's dashboard shows the figures {@code GET /kpis} gives for the same
 * periods. The pages load nothing from outside the suite. Screenshots of every page go to target/screenshots/.
 * The DOM it relies on is the console's contract (ids, {@code data-*} attributes, {@code #page[data-ready]}).
 */
@ExtendWith(RunningSuite.class)
@Order(11)
class ConsoleSystemIT {

    /** The ce_type the timeline shows for the closing (the audit archive's {@code type}). */
    private static final String CLOSED_TYPE = EventType.COMPLAINT_CLOSED.ceType();
    /** The figures of each dashboard period, named as {@code GET /kpis} names them. */
    private static final List<String> PERIOD_FIGURES = List.of("onTimeReturnRate", "satisfactionRate", "volume",
            "closed", "replyRate", "contactTimeliness", "answerTimeliness", "progressCompliance", "warnings", "breaches");
    private static final double TOLERANCE = 1e-6;

    private static final String RECONSTRUCTION = "现场测试：客户家中信号弱，附近基站 TZ-HL-0413 退服";
    private static final String CUSTOMER_DEMAND = "恢复家中的网络覆盖";
    private static final String PROBLEM_FOUND = "基站 TZ-HL-0413 自周一起退服";
    private static final String MEASURES = "基站已重启，已与客户确认覆盖恢复";

    private final Doors doors;
    private final String console;

    ConsoleSystemIT(Doors doors, SystemUnderTest system) {
        this.doors = doors;
        this.console = system.suite().baseUri(Service.ANALYTICS) + "/console/";
    }

    @Test
    void anAgentReturnsTheWorkOrderASurveyorAnswersAnAuditorSeesTheCaseClosedAndTheDashboardAgreesWithTheKpis(
            TestInfo test) {
        try (Browser browser = Browser.start()) {
            browser.explainFailure(test, () -> {
                browser.open(console + "#/signin");
                browser.awaitReady("signin");
                assertThat(browser.attribute("html", "lang")).as("the default language").startsWith("zh");
                browser.screenshot("signin");

                // A new complaint, over REST as its publishing system; routing dispatches it.
                String complaintId = doors.register(ComplaintBody.service("TZ-HL"));
                Map<String, Object> workOrder = doors.awaitOpenWorkOrder(complaintId, 1);
                String dispatchId = (String) workOrder.get("dispatchId");
                String department = (String) workOrder.get("department");

                returnAsTheAgent(browser, department, complaintId, dispatchId);
                browser.signOut();
                answerAsTheSurveyor(browser, complaintId, dispatchId);
                browser.signOut();
                seeTheCaseAsTheAuditor(browser, complaintId, dispatchId);
                browser.signOut();
                compareTheDashboardAsAnOperator(browser);

                assertThat(browser.resources()).as("what the pages loaded").isNotEmpty()
                        .anySatisfy(url -> assertThat(url).startsWith(console));
                assertThat(browser.foreignResources()).as("what the pages loaded from outside the suite").isEmpty();
            });
        }
    }

    /**
     * An operator passes a work order to another department through the work order's transfer form (the door's field
     * errors first); routing records it, and the order, still open with its deadline, is the new department's. The
     * new department then returns it over REST, so the run keeps no open order behind.
     */
    @Test
    void anOperatorTransfersAWorkOrderThroughItsForm(TestInfo test) {
        try (Browser browser = Browser.start()) {
            browser.explainFailure(test, () -> {
                String complaintId = doors.register(ComplaintBody.service("TZ-HL"));
                Map<String, Object> workOrder = doors.awaitOpenWorkOrder(complaintId, 1);
                String dispatchId = (String) workOrder.get("dispatchId");
                String from = (String) workOrder.get("department");
                String to = "service-desk".equals(from) ? "network-ops" : "service-desk";
                String deadline = await("the RETURN deadline of " + dispatchId + " known to routing")
                        .until(() -> doors.workOrder(dispatchId).getString("deadline"), d -> d != null);

                browser.open(console + "#/signin");
                browser.awaitReady("signin");
                browser.signIn(doors.operatorToken());
                browser.awaitReady("dashboard");
                browser.route("/work-orders/" + dispatchId);
                browser.awaitReady("work-order");
                assertThat(browser.attribute("#work-order-status", "data-status")).isEqualTo("OPEN");
                assertThat(browser.exists("form#return-form")).as("the return form, for its department's agents only")
                        .isFalse();

                browser.click("#transfer-submit");
                browser.awaitVisible("#transfer-form .field-error[data-field='department']");
                assertThat(browser.visible("#transfer-form .field-error[data-field='reason']")).as("the reason's error")
                        .isTrue();
                assertThat(browser.all("#transfer-department option").stream().map(o -> o.getAttribute("value")))
                        .as("the departments it may go to").contains(to).doesNotContain(from);
                browser.select("#transfer-department", to);
                browser.type("#transfer-reason", "小区属营业厅服务范围，转服务台处理");
                browser.click("#transfer-submit");
                browser.awaitVisible("#transfer-done");
                browser.screenshot("work-order-transferred");

                JsonPath now = doors.workOrder(dispatchId);
                assertThat(now.getString("department")).isEqualTo(to);
                assertThat(now.getString("status")).isEqualTo("OPEN");
                assertThat(now.getInt("transfers")).isEqualTo(1);
                assertThat(now.getString("deadline")).as("the deadline kept").isEqualTo(deadline);
                doors.returnWorkOrder(dispatchId, false);
            });
        }
    }

    @Test
    void anEnglishBrowserGetsTheShellInEnglishAndTheSwitchChangesIt(TestInfo test) {
        try (Browser browser = Browser.start(Browser.Language.EN)) {
            browser.explainFailure(test, () -> {
                browser.open(console + "#/signin");
                browser.awaitReady("signin");
                assertThat(browser.attribute("html", "lang")).as("the language of an English browser").startsWith("en");
                browser.signIn(doors.operatorToken());
                browser.awaitReady("dashboard");
                assertThat(browser.element("#lang").getAttribute("value")).isEqualTo("en");
                assertThat(navTexts(browser)).isNotEmpty().allSatisfy(text -> assertThat(text).isNotBlank()
                        .as("English navigation").doesNotContainPattern("\\p{IsHan}"));
                browser.screenshot("dashboard-en");

                browser.select("#lang", "zh");
                browser.await("the shell in Chinese", Browser.READY, d ->
                        browser.attribute("html", "lang").startsWith("zh")
                                && navTexts(browser).stream().allMatch(t -> t.matches("(?s).*\\p{IsHan}.*")) ? true : null);

                browser.select("#lang", "en");
                browser.await("the shell in English again", Browser.READY, d ->
                        browser.attribute("html", "lang").startsWith("en")
                                && navTexts(browser).stream().noneMatch(t -> t.matches("(?s).*\\p{IsHan}.*")) ? true : null);
                assertThat(browser.foreignResources()).as("what the pages loaded from outside the suite").isEmpty();
            });
        }
    }

    /** The agent of the order's department finds it in the queue and returns it: incomplete first, then whole. */
    private void returnAsTheAgent(Browser browser, String department, String complaintId, String dispatchId) {
        String token = doors.agentToken(department);
        browser.signIn(token);
        browser.awaitReady("queue");
        assertThat(browser.attribute("#whoami", "data-role")).isEqualTo("agent");
        assertThat(browser.attribute("#whoami", "data-department")).isEqualTo(department);
        assertThat(browser.exists("a[data-nav='queue']")).isTrue();
        assertThat(browser.exists("a[data-nav='dashboard']")).as("an agent's navigation offers the dashboard").isFalse();
        assertThat(browser.sessionItem(Browser.TOKEN_KEY)).isEqualTo(token);
        assertThat(browser.localStorageAndCookies()).as("local storage and cookies").doesNotContain(token);

        // The row, once the SLA service's deadline reached routing: the countdowns run.
        String deadline = "#queue-table tr[data-complaint-id='" + complaintId + "'] .countdown-deadline";
        WebElement row = queueRow(browser, complaintId, "TZ-HL", () -> browser.visible(deadline)
                && !browser.text(deadline).isBlank());
        assertThat(row.getAttribute("data-dispatch-id")).isEqualTo(dispatchId);
        assertThat(browser.text(deadline)).as("the countdown to the deadline").containsPattern("\\d");
        browser.screenshot("queue");

        row.findElement(By.cssSelector("a.open-work-order")).click();
        browser.awaitReady("work-order");
        assertThat(browser.currentUrl()).endsWith("#/work-orders/" + dispatchId);
        assertThat(browser.attribute("#work-order-status", "data-status")).isEqualTo("OPEN");
        browser.awaitVisible("form#return-form");

        // Incomplete: two of the four parts. The door names the two missing, beside their fields.
        browser.type("#return-reconstruction", RECONSTRUCTION);
        browser.type("#return-customerDemand", CUSTOMER_DEMAND);
        browser.click("#return-submit");
        for (String field : List.of("problemFound", "measures")) {
            WebElement error = browser.awaitVisible(".field-error[data-field='" + field + "']");
            assertThat(error.getText()).as("the error beside " + field).isNotBlank();
            assertThat(browser.script("return arguments[0].parentElement.contains(document.getElementById(arguments[1]));",
                    error, "return-" + field)).as("the error of " + field + " beside its field").isEqualTo(true);
        }
        for (String field : List.of("reconstruction", "customerDemand")) {
            assertThat(browser.visible(".field-error[data-field='" + field + "']")).as("an error beside " + field).isFalse();
        }
        assertThat(browser.visible("#return-done")).isFalse();
        assertThat(browser.attribute("#work-order-status", "data-status")).isEqualTo("OPEN");
        assertThat(doors.workOrder(dispatchId).getString("status")).isEqualTo("OPEN");
        browser.screenshot("work-order-errors");

        // Whole: the four parts, the resolution, the operator not at fault.
        browser.type("#return-problemFound", PROBLEM_FOUND);
        browser.type("#return-measures", MEASURES);
        browser.select("#return-resolution", "RESOLVED");
        browser.answer("#return-operatorAtFault", false);
        browser.click("#return-submit");
        browser.awaitVisible("#return-done");
        browser.await("#work-order-status[data-status='RETURNED']");
        browser.screenshot("work-order-returned");

        // What the console sent is what routing recorded, with the agent's token.
        JsonPath returned = doors.workOrder(dispatchId);
        assertThat(returned.getString("status")).isEqualTo("RETURNED");
        assertThat(returned.getString("returnedBy")).isEqualTo(Doors.agentOf(department));
        assertThat(returned.getString("resolution")).isEqualTo("RESOLVED");
        assertThat(returned.getBoolean("operatorAtFault")).isFalse();
        assertThat(returned.getMap("result")).containsEntry("reconstruction", RECONSTRUCTION)
                .containsEntry("customerDemand", CUSTOMER_DEMAND).containsEntry("problemFound", PROBLEM_FOUND)
                .containsEntry("measures", MEASURES);
    }

    /**
     * The row of the complaint's work order in the queue shown, refreshing ({@code #queue-refresh}) and paging
     * until it is there and {@code complete}; narrowed to the region first when the queue offers that filter.
     */
    private static WebElement queueRow(Browser browser, String complaintId, String region, BooleanSupplier complete) {
        WebElement filter = browser.first("#filter-region");
        if (filter != null && filter.isDisplayed()) {
            if ("select".equals(filter.getTagName())) {
                if (!filter.findElements(By.cssSelector("option[value='" + region + "']")).isEmpty()) {
                    browser.select("#filter-region", region);
                }
            } else {
                browser.type("#filter-region", region);
            }
        }
        String selector = "#queue-table tr[data-complaint-id='" + complaintId + "']";
        return await("the work order of " + complaintId + " in the queue").pollInSameThread()
                .pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    browser.click("#queue-refresh");
                    browser.awaitReady("queue");
                    for (int page = 0; page < 20; page++) {
                        WebElement row = browser.first(selector);
                        if (row != null) {
                            return complete.getAsBoolean() ? row : null;
                        }
                        if (!enabled(browser, "#page-next")) {
                            break;
                        }
                        browser.click("#page-next");
                        browser.awaitReady("queue");
                    }
                    while (enabled(browser, "#page-prev")) {
                        browser.click("#page-prev");
                        browser.awaitReady("queue");
                    }
                    return null;
                }, found -> found != null);
    }

    private static boolean enabled(Browser browser, String css) {
        WebElement element = browser.first(css);
        return element != null && element.isDisplayed() && element.isEnabled()
                && !"true".equals(element.getAttribute("aria-disabled"));
    }

    /** The survey agent answers the pending survey: reachable (the default), satisfied. */
    private void answerAsTheSurveyor(Browser browser, String complaintId, String dispatchId) {
        browser.signIn(doors.surveyorToken());
        browser.awaitReady("surveys");
        assertThat(browser.attribute("#whoami", "data-role")).isEqualTo("surveyor");
        doors.awaitPendingSurvey(complaintId, dispatchId);

        String selector = "#surveys-table tr[data-complaint-id='" + complaintId + "']";
        WebElement row = reloadUntil(browser, "surveys", "the pending survey of " + complaintId,
                () -> browser.first(selector));
        browser.screenshot("surveys");

        // First the call is logged in the complaint's contact log (the door's error beside the missing summary first).
        row.findElement(By.cssSelector("a[href='#/contacts/" + complaintId + "']")).click();
        browser.awaitReady("contacts");
        browser.select("#contact-kind", "FIRST_CONTACT");
        browser.select("#contact-channel", "PHONE");
        browser.click("#contact-submit");
        browser.awaitVisible("#contact-form .field-error[data-field='summary']");
        assertThat(browser.visible("#contact-done")).isFalse();
        browser.type("#contact-summary", "回访前联系客户，客户确认网络已恢复");
        browser.click("#contact-submit");
        browser.awaitVisible("#contact-done");
        assertThat(browser.exists("#contacts tr[data-kind='FIRST_CONTACT']")).as("the contact in the log").isTrue();
        browser.screenshot("contacts");
        browser.route("/surveys");
        browser.awaitReady("surveys");
        row = reloadUntil(browser, "surveys", "the pending survey of " + complaintId, () -> browser.first(selector));
        row.findElement(By.cssSelector("button.answer-survey")).click();
        browser.awaitVisible("form#survey-form[data-complaint-id='" + complaintId + "']");
        assertThat(browser.element("#survey-reachable").isSelected()).as("reachable, by default").isTrue();
        browser.select("#survey-satisfied", "true");
        browser.click("#survey-submit");
        browser.awaitVisible("#survey-done");
        browser.screenshot("survey-done");

        JsonPath closed = await("case " + complaintId + " closed").until(
                () -> doors.caseOf(complaintId), c -> "CLOSED".equals(c.getString("status")));
        assertThat(closed.getString("closeOutcome")).isEqualTo("SATISFIED");
    }

    /** The auditor opens the case by its number: closed, its work order, clocks, timeline and a valid chain. */
    private void seeTheCaseAsTheAuditor(Browser browser, String complaintId, String dispatchId) {
        browser.signIn(doors.auditorToken());
        browser.awaitReady("cases");
        assertThat(browser.attribute("#whoami", "data-role")).isEqualTo("auditor");
        browser.type("#case-search", complaintId);
        browser.click("#case-open");
        browser.awaitReady("case");
        assertThat(browser.currentUrl()).endsWith("#/cases/" + complaintId);

        reloadUntil(browser, "case", "case " + complaintId + " closed, with its closing on the timeline", () ->
                "CLOSED".equals(browser.attribute("#case-status", "data-status"))
                        && timeline(browser).contains(CLOSED_TYPE)
                        && "true".equals(browser.attribute("#chain-verdict", "data-valid")) ? true : null);
        assertThat(browser.exists("#case-work-orders .work-order[data-dispatch-id='" + dispatchId + "']")).isTrue();
        assertThat(browser.all("#case-clocks tr[data-clock]")).as("the case's clocks").isNotEmpty();
        // The timeline is the audit archive's, in log order.
        List<String> shown = timeline(browser);
        List<String> archived = doors.audit(complaintId).events().stream().map(e -> (String) e.get("type")).toList();
        assertThat(archived.subList(0, Math.min(shown.size(), archived.size()))).isEqualTo(shown);
        assertThat(shown).contains(EventType.COMPLAINT_REGISTERED.ceType(), EventType.RETURNED.ceType(), CLOSED_TYPE);
        browser.screenshot("case");
        browser.fullPageScreenshot("case-full");
        browser.phoneScreenshot("case-phone");

        // As of a second before the return, the auditor sees the case as it stood then: dispatched, not closed.
        Instant returnedAt = doors.audit(complaintId).events().stream()
                .filter(e -> EventType.RETURNED.ceType().equals(e.get("type")))
                .map(e -> Instant.parse((String) e.get("occurredAt"))).findFirst().orElseThrow();
        // The instant picked is a wall-clock time of the business zone (the console's zone, whatever the browser's).
        browser.script("""
                const parts = new Intl.DateTimeFormat('en-US', {timeZone: arguments[1], hourCycle: 'h23', year: 'numeric',
                    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
                    .formatToParts(new Date(arguments[0]));
                const g = type => parts.find(p => p.type === type).value;
                document.querySelector('#as-of').value =
                    `${g('year')}-${g('month')}-${g('day')}T${g('hour')}:${g('minute')}:${g('second')}`;""",
                returnedAt.minusSeconds(1).toString(), "Asia/Shanghai");
        browser.click("#as-of-apply");
        browser.awaitReady("case");
        browser.awaitVisible("#as-of-shown");
        assertThat(browser.attribute("#as-of-shown [data-status]", "data-status")).as("the case a second before its return")
                .isEqualTo("DISPATCHED");
        assertThat(browser.attribute("#case-status", "data-status")).as("the case now").isEqualTo("CLOSED");
        assertThat(browser.exists("#case-work-orders .work-order[data-dispatch-id='" + dispatchId + "'][data-status='OPEN']"))
                .as("its work order open then").isTrue();
    }

    private static List<String> timeline(Browser browser) {
        return browser.all("#case-timeline li.timeline-event").stream().map(e -> e.getAttribute("data-type")).toList();
    }

    /**
     * The operator's dashboard: each period's figures are {@code GET /kpis} for the period's from and to. Figures
     * change while a case moves on, so dashboard and door are compared again, on the dashboard's next refresh,
     * until they agree (bounded).
     */
    private void compareTheDashboardAsAnOperator(Browser browser) {
        browser.signIn(doors.operatorToken());
        browser.awaitReady("dashboard");
        assertThat(browser.attribute("#whoami", "data-role")).isEqualTo("operator");
        for (String nav : List.of("dashboard", "queue", "kpis")) {
            assertThat(browser.exists("a[data-nav='" + nav + "']")).as("navigation to " + nav).isTrue();
        }
        List<String> disagreements = new ArrayList<>();
        await("the dashboard's figures equal to GET /kpis").pollInSameThread().pollInterval(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(90)).until(() -> {
                    disagreements.clear();
                    disagreements.addAll(dashboardAgainstKpis(browser));
                    return disagreements.isEmpty();
                });
        assertThat(browser.script("return !!(window.Chart && Chart.getChart('registrations-chart')"
                + " && Chart.getChart('rates-chart'));")).as("the dashboard's charts drawn by Chart.js").isEqualTo(true);
        browser.screenshot("dashboard");
        browser.fullPageScreenshot("dashboard-full");
        browser.phoneScreenshot("dashboard-phone");

        browser.route("/kpis");
        browser.awaitReady("kpis");
        assertThat(browser.exists("a#kpi-csv")).isTrue();
        // The CSV export holds what the table shows: its total line has the table's volume.
        String csv = (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('#kpi-csv').href).then(r => r.text()).then(done, e => done('failed: ' + e));""");
        List<String> lines = csv.lines().toList();
        // (The file starts with a byte-order mark for spreadsheets; fetch's text() reads past it.)
        assertThat(lines.get(0).replace("\ufeff", "")).startsWith("group,volume,closed,");
        String tableVolume = browser.attribute("#kpi-table tr[data-group='ALL'] [data-figure='volume']", "data-value");
        assertThat(Integer.parseInt(tableVolume)).as("complaints of the last 30 days").isPositive();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ALL," + tableVolume + ","));
        browser.screenshot("kpis");
    }

    /** What differs between the dashboard's periods now and the door's figures for them; empty when nothing. */
    @SuppressWarnings("unchecked")
    private List<String> dashboardAgainstKpis(Browser browser) {
        // One read of the whole dashboard, so that a refresh cannot mix two of its states.
        List<Map<String, Object>> periods = (List<Map<String, Object>>) browser.script(
                "return Array.from(document.querySelectorAll('[data-period]')).map(p => ({"
                        + " period: p.dataset.period, from: p.dataset.from, to: p.dataset.to,"
                        + " figures: Object.fromEntries(Array.from(p.querySelectorAll('[data-figure]'))"
                        + "   .map(f => [f.dataset.figure, f.dataset.value === undefined ? null : f.dataset.value])) }));");
        Map<String, Map<String, Object>> byPeriod = new LinkedHashMap<>();
        periods.forEach(p -> byPeriod.put((String) p.get("period"), p));
        assertThat(byPeriod).as("the dashboard's periods").containsKeys("7d", "30d");
        List<String> differences = new ArrayList<>();
        for (String period : List.of("7d", "30d")) {
            Map<String, Object> shown = byPeriod.get(period);
            String from = (String) shown.get("from");
            String to = (String) shown.get("to");
            Duration span = Duration.between(Instant.parse(from), Instant.parse(to));
            int days = period.equals("7d") ? 7 : 30;
            assertThat(span).as("the period " + period).isBetween(Duration.ofDays(days - 1), Duration.ofDays(days + 1));
            Map<String, Object> figures = (Map<String, Object>) shown.get("figures");
            assertThat(figures).as("the figures of " + period).containsKeys(PERIOD_FIGURES.toArray(String[]::new));
            Map<String, Object> door = doors.kpiTotal(from, to);
            for (Map.Entry<String, Object> figure : figures.entrySet()) {
                assertThat(door).as("GET /kpis names the figure " + figure.getKey()).containsKey(figure.getKey());
                Object expected = door.get(figure.getKey());
                if (!agree((String) figure.getValue(), expected)) {
                    differences.add(period + " " + figure.getKey() + ": shown " + figure.getValue() + ", door " + expected);
                }
            }
            if (period.equals("7d")) {
                assertThat(((Number) door.get("volume")).longValue()).as("this run's complaints in the last 7 days")
                        .isPositive();
            }
        }
        return differences;
    }

    /** A figure's data-value ("" for null) against the door's number. */
    static boolean agree(String shown, Object door) {
        if (door == null) {
            return shown != null && shown.isEmpty();
        }
        if (shown == null || shown.isEmpty()) {
            return false;
        }
        try {
            return Math.abs(Double.parseDouble(shown) - ((Number) door).doubleValue()) <= TOLERANCE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reloads the page of {@code route} until {@code found} gives something (bounded); returns it. */
    private static <T> T reloadUntil(Browser browser, String route, String what, Callable<T> found) {
        return await(what).pollInSameThread().pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    T value = found.call();
                    if (value == null) {
                        browser.reload();
                        browser.awaitReady(route);
                    }
                    return value;
                }, value -> value != null);
    }

    private static List<String> navTexts(Browser browser) {
        return browser.all("a[data-nav]").stream().map(WebElement::getText).toList();
    }
}
