package com.telco.complaints.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.wire.EventJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run: each with its unit and, where it has one, the raw limit it is
 * set beside (measured in the same run) and the ratio to it. Printed as a table and written as JSON
 * under {@code deploy/bench/target/bench/}.
 */
final class Results {

    record Row(String figure, double value, String unit, String limitName, Double limit, String target, String note) {
        Double ratio() {
            return limit == null || limit == 0 ? null : value / limit;
        }
    }

    private final String benchmark;
    private final Instant started = Instant.now();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    Results(String benchmark) {
        this.benchmark = benchmark;
    }

    Results add(String figure, double value, String unit) {
        return add(figure, value, unit, null, null, null, null);
    }

    Results add(String figure, double value, String unit, String target) {
        return add(figure, value, unit, null, null, target, null);
    }

    Results add(String figure, double value, String unit, String limitName, Double limit, String target, String note) {
        rows.add(new Row(figure, value, unit, limitName, limit, target, note));
        System.out.printf("  %-52s %12s %-10s%s%n", figure, format(value), unit,
                limit == null ? "" : String.format("  = %.1f%% of %s (%s)", 100 * value / limit, limitName, format(limit)));
        return this;
    }

    Results context(String key, Object value) {
        context.put(key, value);
        return this;
    }

    void print() {
        System.out.println();
        System.out.printf("%s — %s, %d cores%n", benchmark, started, Runtime.getRuntime().availableProcessors());
        System.out.printf("| %-50s | %12s | %-8s | %-34s | %-7s | %-14s |%n", "figure", "value", "unit", "raw limit (same run)",
                "ratio", "target");
        System.out.println("|" + "-".repeat(52) + "|" + "-".repeat(14) + "|" + "-".repeat(10) + "|" + "-".repeat(36) + "|"
                + "-".repeat(9) + "|" + "-".repeat(16) + "|");
        for (Row r : rows) {
            System.out.printf("| %-50s | %12s | %-8s | %-34s | %-7s | %-14s |%n", r.figure(), format(r.value()), r.unit(),
                    r.limit() == null ? "" : r.limitName() + " " + format(r.limit()),
                    r.ratio() == null ? "" : String.format("%.1f%%", 100 * r.ratio()), r.target() == null ? "" : r.target());
            if (r.note() != null) {
                System.out.printf("|   %s%n", r.note());
            }
        }
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("benchmark", benchmark);
        json.put("startedAt", started.toString());
        json.put("finishedAt", Instant.now().toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.set("context", EventJson.mapper().valueToTree(context));
        ArrayNode array = json.putArray("figures");
        for (Row r : rows) {
            ObjectNode row = array.addObject().put("figure", r.figure()).put("value", r.value()).put("unit", r.unit());
            if (r.limit() != null) {
                row.put("rawLimit", r.limitName()).put("rawLimitValue", r.limit()).put("ratio", r.ratio());
            }
            if (r.target() != null) {
                row.put("target", r.target());
            }
            if (r.note() != null) {
                row.put("note", r.note());
            }
        }
        Path file = dir.resolve(benchmark + ".json");
        EventJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }

    static String format(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format("%,.0f", v);
        }
        return v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
