package com.telco.complaints.contracts.wire;

import com.telco.complaints.contracts.event.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void theSameFactAlwaysGetsTheSameId() {
        UUID first = EventIds.of(EventType.SLA_WARNING_RAISED, "C-1", "W-C-1-1", "RETURN");
        UUID again = EventIds.of(EventType.SLA_WARNING_RAISED, "C-1", "W-C-1-1", "RETURN");

        assertThat(first).isEqualTo(again);
        assertThat(first.version()).isEqualTo(5);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void differentFactsGetDifferentIds() {
        UUID warning = EventIds.of(EventType.SLA_WARNING_RAISED, "C-1", "W-C-1-1", "RETURN");

        assertThat(EventIds.of(EventType.SLA_BREACHED, "C-1", "W-C-1-1", "RETURN")).isNotEqualTo(warning);
        assertThat(EventIds.of(EventType.SLA_WARNING_RAISED, "C-1", "W-C-1-2", "RETURN")).isNotEqualTo(warning);
        assertThat(EventIds.of(EventType.SLA_WARNING_RAISED, "C-1", "W-C-1-1", "SURVEY")).isNotEqualTo(warning);
    }

    @Test
    void partsAreDelimitedSoThatShiftingCharactersBetweenThemChangesTheId() {
        assertThat(EventIds.of(EventType.DISPATCHED, "ab", "c")).isNotEqualTo(EventIds.of(EventType.DISPATCHED, "a", "bc"));
    }

    /**
     * Golden ids: each formula the services use (the event type and the parts that identify the fact,
     * as in intake's Registration, routing's RoutingDecisions and Returns, survey's Answers and sla's
     * SlaEvents) pinned to the id it gives for fixed inputs. An id written to the log must be decided
     * again identically by every later version (after a crash, in a replay, in a rebuild), so a change
     * of the namespace, the hash, the encoding of the parts or the version bits must fail here.
     */
    @Nested
    class FixedIdsNeverChange {

        private static final String COMPLAINT = "20261125-00000042";
        private static final String WORK_ORDER = "20261125-00000042-W1";

        @Test
        void complaintRegisteredIsIdentifiedByTheComplaint() {
            assertThat(EventIds.of(EventType.COMPLAINT_REGISTERED, COMPLAINT))
                    .hasToString("5c62fe2d-c9a5-5101-afd6-5e7b79578c25");
        }

        @Test
        void dispatchedIsIdentifiedByTheComplaintAndTheFirstAttempt() {
            assertThat(EventIds.of(EventType.DISPATCHED, COMPLAINT, 1))
                    .hasToString("154b9a56-dadd-5381-aa4b-6e6328650633");
        }

        @Test
        void redispatchedIsIdentifiedByTheComplaintAndTheAttempt() {
            assertThat(EventIds.of(EventType.REDISPATCHED, COMPLAINT, 2))
                    .hasToString("50b76ff0-8c52-5157-8a26-9efeb88e6a70");
        }

        @Test
        void returnedIsIdentifiedByTheWorkOrder() {
            assertThat(EventIds.of(EventType.RETURNED, WORK_ORDER))
                    .hasToString("b67c8b26-7c1d-5d6f-b98a-ec71cc87c147");
        }

        @Test
        void surveyPassedIsIdentifiedByTheWorkOrder() {
            assertThat(EventIds.of(EventType.SURVEY_PASSED, WORK_ORDER))
                    .hasToString("aac940c0-5aa5-5b78-903f-d302e1a30a58");
        }

        @Test
        void surveyFailedIsIdentifiedByTheWorkOrder() {
            assertThat(EventIds.of(EventType.SURVEY_FAILED, WORK_ORDER))
                    .hasToString("5e69437c-a034-5423-86f1-07d26362a535");
        }

        @Test
        void customerUnreachableIsIdentifiedByTheWorkOrderAndTheCallCount() {
            assertThat(EventIds.of(EventType.CUSTOMER_UNREACHABLE, WORK_ORDER, 2))
                    .hasToString("6025f69a-cc5e-58ed-acf8-1b7d539abf72");
        }

        @Test
        void complaintClosedIsIdentifiedByTheComplaint() {
            assertThat(EventIds.of(EventType.COMPLAINT_CLOSED, COMPLAINT))
                    .hasToString("6416c3a0-73f1-5a05-9926-79095e7bd1e1");
        }

        @Test
        void slaClockStartedIsIdentifiedByTheComplaintTheWorkOrderOrADashAndTheClock() {
            assertThat(EventIds.of(EventType.SLA_CLOCK_STARTED, COMPLAINT, WORK_ORDER, SlaClock.RETURN))
                    .hasToString("e04b7873-146b-5ff6-8e25-aed8ab30a5ed");
            assertThat(EventIds.of(EventType.SLA_CLOCK_STARTED, COMPLAINT, "-", SlaClock.CASE))
                    .as("the case clock has no work order")
                    .hasToString("0f4cfa18-7e04-5c04-a7a5-fedcc6a679fb");
        }

        @Test
        void slaWarningRaisedIsIdentifiedByTheComplaintTheWorkOrderAndTheClock() {
            assertThat(EventIds.of(EventType.SLA_WARNING_RAISED, COMPLAINT, WORK_ORDER, SlaClock.RETURN))
                    .hasToString("54bee579-ae73-5f75-bbdf-95cf0eadd9c6");
        }

        @Test
        void slaBreachedIsIdentifiedByTheComplaintTheWorkOrderAndTheClock() {
            assertThat(EventIds.of(EventType.SLA_BREACHED, COMPLAINT, WORK_ORDER, SlaClock.RETURN))
                    .hasToString("7a5643a2-354c-50e1-9933-370ae98be464");
        }

        @Test
        void partsAreTakenAsTheirTextSoANumberAndItsDigitsGiveTheSameId() {
            assertThat(EventIds.of(EventType.DISPATCHED, COMPLAINT, "1"))
                    .isEqualTo(EventIds.of(EventType.DISPATCHED, COMPLAINT, 1))
                    .hasToString("154b9a56-dadd-5381-aa4b-6e6328650633");
        }
    }
}
