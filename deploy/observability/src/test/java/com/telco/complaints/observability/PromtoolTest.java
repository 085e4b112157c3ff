package com.telco.complaints.observability;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
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
