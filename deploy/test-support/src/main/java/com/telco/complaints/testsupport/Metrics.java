package com.telco.complaints.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Reads a counter of a service's {@code /q/metrics} (the Prometheus text format), so that a test
 * asserts by how much it rose around an action rather than that it exists. A counter that was
 * never incremented is often not exported at all: it reads as 0.
 */
public final class Metrics {

    /** One sample line: name, optional {labels}, value, optional timestamp. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {}

    /**
     * The value of the sample {@code name} (e.g. {@code log_parked_total}) of the running test
     * application whose labels are exactly {@code labelNameThenValue} (e.g. {@code "reason", "unreadable"});
     * 0 when there is no such sample.
     */
    public static double counter(String name, String... labelNameThenValue) {
        return valueIn(given().get("/q/metrics").then().statusCode(200).extract().asString(), name,
                labels(labelNameThenValue));
    }

    /** The same, of the service at {@code baseUri}. */
    public static double counterAt(String baseUri, String name, String... labelNameThenValue) {
        return valueIn(given().baseUri(baseUri).get("/q/metrics").then().statusCode(200).extract().asString(), name,
                labels(labelNameThenValue));
    }

    /** The value of a sample in a Prometheus exposition, 0 when it has none with exactly these labels. */
    public static double valueIn(String exposition, String name, Map<String, String> labels) {
        double value = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    present.put(label.group(1), unescape(label.group(2)));
                }
            }
            if (present.equals(labels)) {
                if (found) {
                    throw new IllegalStateException("two samples " + name + labels + " in /q/metrics");
                }
                found = true;
                value = Double.parseDouble(sample.group(3));
            }
        }
        return value;
    }

    private static Map<String, String> labels(String... nameThenValue) {
        if (nameThenValue.length % 2 != 0) {
            throw new IllegalArgumentException("labels come as name, value pairs");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            labels.put(nameThenValue[i], nameThenValue[i + 1]);
        }
        return labels;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
