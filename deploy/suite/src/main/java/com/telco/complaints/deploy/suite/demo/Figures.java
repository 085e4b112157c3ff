package com.telco.complaints.deploy.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** Reading and writing the figures the services answer with: the live line and the final report. */
final class Figures {

    private Figures() {}

    /** One sample of what the live line shows; a negative number when that service did not answer. */
    record Sample(Duration elapsed, long registered, long openWorkOrders, long pendingSurveys, long warnings,
                  long breaches, long closed, OptionalDouble eventsPerSecond) {}

    /** The live one-line summary. */
    static String line(Sample s) {
        return String.format(Locale.ROOT,
                "demo %s | registered %d | open work orders %s | surveys pending %s | warnings %s | breaches %s"
                        + " | closed %s | %s events/s",
                clock(s.elapsed()), s.registered(), count(s.openWorkOrders()), count(s.pendingSurveys()),
                count(s.warnings()), count(s.breaches()), count(s.closed()),
                s.eventsPerSecond().isPresent() ? String.format(Locale.ROOT, "%.1f", s.eventsPerSecond().getAsDouble())
                        : "-");
    }

    /**
     * The sum of a counter over all its label sets in a Prometheus text exposition (/q/metrics), e.g.
     * {@code events_archived_total}; empty when the metric is not there.
     */
    static OptionalDouble counter(String exposition, String name) {
        if (exposition == null) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name) && (line.length() > name.length())
                    && (line.charAt(name.length()) == ' ' || line.charAt(name.length()) == '{')) {
                String value = line.substring(line.lastIndexOf(' ') + 1).trim();
                try {
                    sum += Double.parseDouble(value);
                    found = true;
                } catch (NumberFormatException ignored) {
                    // not a sample line
                }
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    static String count(long n) {
        return n < 0 ? "-" : String.valueOf(n);
    }

    /** A rate of the KPI report (0..1) as a percentage, with its numerator and denominator. */
    static String rate(JsonNode figures, String rate, String numerator, String denominator) {
        JsonNode value = figures.path(rate);
        String fraction = " (" + figures.path(numerator).asLong() + "/" + figures.path(denominator).asLong() + ")";
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", value.asDouble() * 100) + fraction : "-" + fraction;
    }

    static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f%%", value.asDouble() * 100) : "-";
    }

    /** Seconds of a handling time as minutes and seconds. */
    static String duration(JsonNode seconds) {
        if (!seconds.isNumber()) {
            return "-";
        }
        long s = Math.round(seconds.asDouble());
        return s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s";
    }
}
