package com.telco.complaints.eventing.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    @Test
    void aPageBeyondTheLastOneThatCouldBeServedIsRefusedSoTheOffsetNeverOverflows() {
        QueryParams params = new QueryParams();
        Page last = params.page(String.valueOf(QueryParams.MAX_PAGE), "1000", 100, 1000);
        assertThat(last.offset()).isEqualTo(1_000_000_000).isPositive();
        assertThat(params.page(null, null, 100, 1000)).isEqualTo(new Page(0, 100));
        params.validate(); // all of the above are fine
        params.page(String.valueOf(Integer.MAX_VALUE), "0", 100, 1000);
        assertThatThrownBy(params::validate).isInstanceOfSatisfying(RequestProblems.Invalid.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("page", "size"));
        assertThatThrownBy(() -> new QueryParams().page(null, null, 100, 5000)).hasMessageContaining("1000 rows");
    }

    @Test
    void anInstantOrADateOutsideWhatTheDatabaseStoresIsRefusedNotPassedOn() {
        QueryParams params = new QueryParams();
        Instant fallback = Instant.parse("2026-11-30T00:00:00Z");

        assertThat(params.instant("to", "+1000000000-01-01T00:00:00Z", fallback)).isEqualTo(fallback);
        assertThat(params.instant("from", "1969-12-31T23:59:59Z", fallback)).isEqualTo(fallback);
        assertThat(params.date("on", "10000-01-01", LocalDate.EPOCH)).isEqualTo(LocalDate.EPOCH);
        assertThat(params.instant("asOf", "2026-11-25T09:30:00Z", fallback)).isEqualTo("2026-11-25T09:30:00Z");
        assertThat(params.date("day", "9999-12-31", null)).isEqualTo("9999-12-31");
        assertThatThrownBy(params::validate).isInstanceOfSatisfying(RequestProblems.Invalid.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("to", "from", "on"));
    }
}
