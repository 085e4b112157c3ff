package com.telco.complaints.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus's own checks of the rule file and the example configuration, and the unit tests of the
 * alerts in prometheus/alerts.test.yml and alerts-week.test.yml (business hours in Shanghai time, the breach rate against a
 * week ago, ...), when promtool is installed (Debian: {@code apt-get install prometheus}); skipped
 * otherwise, the other tests of this module still read every file.
 */
class PromtoolTest {

    private static final Path RULES_DIR = Path.of("prometheus");

    @Test
    void promtoolAcceptsTheRulesAndTheConfigurationAndTheAlertsPassTheirTests() throws Exception {
        String promtool = promtool();
        assumeTrue(promtool != null, "promtool is not on the PATH");
        run(promtool, "check", "rules", "alerts.yml");
        run(promtool, "check", "config", "prometheus.yml");
        run(promtool, "test", "rules", "alerts.test.yml", "alerts-week.test.yml");
    }

    /**
     * The dashboard's queries, with Grafana's variables filled in, as recording rules of a scratch rule
     * file: {@code promtool check rules} parses each, so a query Prometheus would refuse fails here.
     */
    @Test
    void promtoolParsesEveryQueryOfTheDashboard(@TempDir Path scratch) throws Exception {
        String promtool = promtool();
        assumeTrue(promtool != null, "promtool is not on the PATH");
        List<Map<String, String>> rules = new ArrayList<>();
        for (MonitoringFiles.Query query : MonitoringFiles.queries()) {
            if (query.where().startsWith("panel") || query.where().startsWith("variable")) {
                String expr = query.expr().replace("$__rate_interval", "1m").replace("${service}", ".+")
                        .replace("$service", ".+");
                rules.add(Map.of("record", "dashboard:query_" + rules.size(), "expr", expr));
            }
        }
        assertThat(rules).hasSizeGreaterThan(20);
        Path file = scratch.resolve("dashboard-queries.yml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(),
                Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules))));
        run(scratch, promtool, "check", "rules", file.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        run(RULES_DIR, command);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s said:%n%s", List.of(command), output).isZero();
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
