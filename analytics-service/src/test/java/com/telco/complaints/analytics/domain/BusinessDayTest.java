package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDayInShanghaiStartsAtLocalMidnightAndHasTwentyFourHoursNamedInLocalTime() {
        BusinessDay day = new BusinessDay(LocalDate.parse("2026-12-01"), SHANGHAI);

        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(day.hourStarts()).hasSize(24).startsWith(day.start())
                .endsWith(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(day.label(day.hourStarts().get(9))).isEqualTo("2026-12-01T09:00+08:00");
        assertThat(day.label(day.hourStarts().get(0))).isEqualTo("2026-12-01T00:00+08:00");
    }

    @Test
    void aDayWhoseOffsetChangesHasAnHourLessOrMore() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessDay spring = new BusinessDay(LocalDate.parse("2026-03-29"), berlin);
        BusinessDay autumn = new BusinessDay(LocalDate.parse("2026-10-25"), berlin);

        assertThat(spring.hourStarts()).hasSize(23);
        assertThat(spring.label(spring.hourStarts().get(2))).isEqualTo("2026-03-29T03:00+02:00");
        assertThat(autumn.hourStarts()).hasSize(25);
        // 02:00 twice, told apart by the offset.
        assertThat(autumn.label(autumn.hourStarts().get(2))).isEqualTo("2026-10-25T02:00+02:00");
        assertThat(autumn.label(autumn.hourStarts().get(3))).isEqualTo("2026-10-25T02:00+01:00");
        assertThat(new BusinessDay(LocalDate.parse("2026-12-01"), ZoneId.of("UTC")).label(Instant.parse("2026-12-01T09:00:00Z")))
                .isEqualTo("2026-12-01T09:00Z");
    }
}
