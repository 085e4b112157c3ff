package com.telco.complaints.contracts.wire;

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
}
