package com.telco.complaints.observability;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names out of a PromQL expression, without a full parser: what is left once the
 * strings, label matchers, grouping lists, ranges, numbers and durations are taken out, and what is
 * not a function, an aggregation or a keyword, is a metric name. Enough for the expressions of our
 * dashboard and alert rules, whose names must all be exported by the services; {@code {__name__="…"}}
 * selectors are not read.
 */
public final class PromQl {

    /** Grafana's variables: {@code $service}, {@code ${service}}, {@code $__rate_interval}, {@code [[var]]}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    /** A range or subquery: {@code [5m]}, {@code [1h:1m]}. */
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    /** Label lists of aggregations and vector matching; group_left and group_right may come without one. */
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A number or a duration (1e3, 0x1f, 0.5, 5m, 1h30m) is taken whole, so that its letters are no name. */
    private static final Pattern TOKEN = Pattern.compile("(\\d[\\w.]*|\\.\\d[\\w.]*)|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "inf", "nan");

    private PromQl() {}

    /** The metric names {@code expression} selects, sorted; empty only for an expression that reads no metric. */
    public static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        rest = COMMENT.matcher(rest).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String word = token.group(2);
            boolean called = token.group(3) != null;
            if (word != null && !called && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
