package com.telco.complaints.deploy.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {

    @Test
    void residentMemoryIsReadFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3348840 kB\nVmRSS:\t  177028 kB\nRssAnon:\t  150000 kB\n";

        assertThat(ProcStatus.parseRssKib(status)).hasValue(177028);
        assertThat(ProcStatus.parseRssKib("Name:\tzombie\n")).isEmpty();
    }

    @Test
    void theLaunchersOwnResidentMemoryIsFound() {
        OptionalLong rss = ProcStatus.rssKib(ProcessHandle.current().pid());

        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertThat(rss).isPresent();
            assertThat(rss.getAsLong()).isPositive();
        }
    }

    @Test
    void servicesAreKnownByModuleNameShortNameOrConstant() {
        assertThat(Service.byName("routing-service")).isEqualTo(Service.ROUTING);
        assertThat(Service.byName(" survey ")).isEqualTo(Service.SURVEY);
        assertThat(Service.byName("ANALYTICS")).isEqualTo(Service.ANALYTICS);
        assertThatThrownBy(() -> Service.byName("billing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Service.INTAKE.runnableJar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/intake-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void theRepositoryRootIsFoundFromAnyDirectoryInsideIt(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        Files.createDirectories(tmp.resolve("intake-service"));
        Path deep = Files.createDirectories(tmp.resolve("deploy/suite/target"));

        assertThat(RepoRoot.find(deep)).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThatThrownBy(() -> RepoRoot.find(tmp.getParent())).isInstanceOf(SuiteException.class);
    }

    @Test
    void aBrokerAddressThatIsNotHostAndPortIsLeftToTheKafkaClientsToJudge() {
        assertThat(Suite.anyAnswers("kafka-without-port")).isTrue();
        assertThat(Suite.anyAnswers("127.0.0.1:notaport")).isTrue();
    }

    @Test
    void theReadySummarySaysWhereTheConsoleIsAndHowToGetATokenForIt() {
        java.net.URI analytics = java.net.URI.create("http://127.0.0.1:18085");
        Path data = Path.of("/repo/deploy/run-data");

        assertThat(SuiteMain.consoleLines(analytics, data, data, true)).satisfiesExactly(
                line -> assertThat(line).contains("web console").endsWith("http://127.0.0.1:18085/console/"),
                line -> assertThat(line.trim())
                        .isEqualTo("deploy/run.sh token --role operator --subject you --name 你的名字"),
                line -> assertThat(line).contains("paste the token on the sign-in page"));
        assertThat(SuiteMain.consoleLines(analytics, Path.of("/tmp/st-1"), data, true).get(1))
                .endsWith("--name 你的名字 --data-dir /tmp/st-1");
        assertThat(SuiteMain.consoleLines(analytics, data, data, false)).singleElement().asString()
                .contains("http://127.0.0.1:18085/console/", "identity provider");
    }

    @Test
    void theUsageTextShowsTheDefaultJavaOptionsInForce() {
        assertThat(SuiteMain.usage()).contains(String.join(" ", Suite.DEFAULT_JAVA_OPTIONS));
    }
}
