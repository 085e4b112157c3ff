package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void theLiveLineShowsEveryStageAndADashForAServiceThatDidNotAnswer() {
        String line = Figures.line(new Figures.Sample(Duration.ofSeconds(83), 164, 37, -1, 12, 4, 88,
                OptionalDouble.of(23.456)));

        assertThat(line).isEqualTo("demo 01:23 | registered 164 | open work orders 37 | surveys pending - | warnings 12"
                + " | breaches 4 | closed 88 | 23.5 events/s");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void aCounterIsSummedOverItsLabelSetsAndOtherMetricsAreLeftAlone() {
        String exposition = """
                # HELP events_archived_total
                # TYPE events_archived_total counter
                events_archived_total{partition="0"} 120.0
                events_archived_total{partition="1"} 30.0
                events_archived_total_created 1.7E9
                events_duplicates_total 4.0
                """;

        assertThat(Figures.counter(exposition, "events_archived_total")).hasValue(150.0);
        assertThat(Figures.counter(exposition, "events_rejected_total")).isEmpty();
        assertThat(Figures.counter(null, "events_archived_total")).isEmpty();
    }

    @Test
    void theTerminalWidthIsReadFromSttySize() {
        assertThat(TerminalWidth.parse("50 120\n")).hasValue(120);
        assertThat(TerminalWidth.parse("")).isEmpty();
        assertThat(TerminalWidth.parse("not a size")).isEmpty();
    }
}
