package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.suite.Service;
import com.telco.complaints.deploy.suite.Suite;
import com.telco.complaints.testsupport.LogCensus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.telco.complaints.testsupport.LogCensus.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 5: routing is killed with SIGKILL while eight publishing systems keep registering
 * complaints, and started again. Every complaint registered before, during and after the crash
 * gets exactly one Dispatched: none lost (the offsets live in routing's schema), none doubled
 * (outbox and deduplication).
 */
@ExtendWith(RunningSuite.class)
@Order(5)
class RoutingCrashSystemIT {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingCrashSystemIT.class);
    private static final int CLIENTS = 8;
    /** Each client registers one complaint, waits this long, and registers the next. */
    private static final Duration CLIENT_PAUSE = Duration.ofMillis(1000);

    private final Doors doors;
    private final Suite suite;

    RoutingCrashSystemIT(Doors doors, SystemUnderTest system) {
        this.doors = doors;
        this.suite = system.suite();
    }

    @Test
    void everyComplaintRegisteredWhileRoutingIsKilledAndRestartedIsDispatchedExactlyOnce() throws InterruptedException {
        String region = ComplaintBody.uniqueRegion("CRASH");
        Set<String> registered = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.scheduleWithFixedDelay(() -> {
                    try {
                        registered.add(doors.register(ComplaintBody.network(region)));
                    } catch (Throwable e) {
                        failures.add(e); // a throwing task would silently stop repeating
                    }
                }, i * 50L, CLIENT_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            }

            // Kill routing while it is dispatching: some of the complaints have their work order already.
            await("routing dispatching the flowing registrations").until(
                    () -> registered.size() >= 24 && workOrdersByComplaint(registered).size() >= 8);
            suite.kill(Service.ROUTING);
            int atKill = registered.size();
            LOG.info("crash: routing killed after {} registrations", atKill);

            suite.restart(Service.ROUTING); // registrations keep flowing while it starts
            int atRestart = registered.size();
            LOG.info("crash: routing ready again; {} registrations meanwhile", atRestart - atKill);
            assertThat(atRestart).as("complaints registered while routing was down").isGreaterThan(atKill);
            await("registrations after the restart").until(() -> registered.size() >= atRestart + 24);
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).as("registrations refused while routing was down").isEmpty();
        LOG.info("crash: {} complaints registered in all", registered.size());

        // Routing's REST: one work order for every complaint, attempt 1.
        await("a work order for each of the " + registered.size() + " complaints").atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(workOrdersByComplaint(registered).keySet())
                        .containsExactlyInAnyOrderElementsOf(registered));
        LOG.info("crash: routing has a work order for every complaint");
        Map<String, List<Map<String, Object>>> workOrders = workOrdersByComplaint(registered);
        assertThat(workOrders.values()).allSatisfy(orders -> {
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).get("attempt")).isEqualTo(1);
        });

        // The read side: every case dispatched once, and exactly one Dispatched in every case's history.
        await("analytics has every case of region " + region + " dispatched").atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> {
                    List<Map<String, Object>> cases = doors.allCasesInRegion(region);
                    assertThat(cases).extracting(c -> (String) c.get("complaintId"))
                            .containsExactlyInAnyOrderElementsOf(registered);
                    assertThat(cases).extracting(c -> c.get("currentDispatchId")).doesNotContainNull();
                    assertThat(cases).extracting(c -> c.get("attempts")).containsOnly(1);
                });
        LOG.info("crash: analytics has every case dispatched; checking the raw log and each case's audit");
        LogCensus census = doors.settled().assertOneRecordPerEventId();
        for (String complaintId : registered) {
            census.assertCounts(complaintId, counts("ComplaintRegistered", 1, "Dispatched", 1));
        }
        for (String complaintId : registered) {
            Doors.Audit audit = doors.audit(complaintId);
            assertThat(audit.count("Dispatched")).as("Dispatched events of %s", complaintId).isEqualTo(1);
            assertThat(audit.count("ComplaintRegistered")).as("registrations of %s", complaintId).isEqualTo(1);
            assertThat(audit.chainValid()).as("audit chain of %s", complaintId).isTrue();
        }
    }

    /** Work orders of these complaints, any status, by complaint, from the department's queue on routing's REST. */
    private Map<String, List<Map<String, Object>>> workOrdersByComplaint(Set<String> complaints) {
        return doors.workOrders("network-ops", null).stream()
                .filter(w -> complaints.contains((String) w.get("complaintId")))
                .collect(Collectors.groupingBy(w -> (String) w.get("complaintId")));
    }
}
