package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.suite.SuiteSettings.Database;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    private static final Path REPO = Path.of("/repo");

    private static SuiteSettings settings(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--repo-root", REPO.toString()));
        all.addAll(Arrays.asList(args));
        CommandLine.Parsed parsed = CommandLine.parse(all, env);
        assertThat(parsed.help()).isFalse();
        return parsed.suite().settings();
    }

    private static SuiteSettings settings(String... args) {
        return settings(Map.of(), args);
    }

    @Test
    void withoutOptionsTheWholeSuiteRunsOnTheDesignPortsAgainstTheUsualInfrastructure() {
        SuiteSettings settings = settings();

        assertThat(settings.services()).containsExactly(Service.values());
        assertThat(settings.ports()).containsEntry(Service.INTAKE, 8081).containsEntry(Service.ROUTING, 8082)
                .containsEntry(Service.SLA, 8083).containsEntry(Service.SURVEY, 8084).containsEntry(Service.ANALYTICS, 8085);
        assertThat(settings.kafka()).isEqualTo(new SuiteSettings.Kafka(null, 9092, 6));
        assertThat(settings.database()).isEqualTo(new Database(Database.Mode.SERVER_OR_EMBEDDED, null, "127.0.0.1",
                5432, "postgres", null, "complaints"));
        assertThat(settings.javaOptions()).isEqualTo(Suite.DEFAULT_JAVA_OPTIONS);
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.dataDir()).isEqualTo(REPO.resolve("deploy/run-data"));
        assertThat(settings.logFile(Service.SLA)).isEqualTo(REPO.resolve("deploy/run-data/logs/sla-service.log"));
    }

    @Test
    void helpIsAnsweredWhateverElseIsOnTheCommandLine() {
        assertThat(CommandLine.parse(List.of("--services", "intake", "--help"), Map.of()).help()).isTrue();
        assertThat(CommandLine.parse(List.of("-h", "--no-such-option"), Map.of()).help()).isTrue();
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("SUITE_HTTP_PORT_BASE", "9181", "SUITE_READY_TIMEOUT", "30",
                "SUITE_DATA_DIR", "/from-env");

        SuiteSettings fromEnv = settings(env);
        SuiteSettings fromBoth = settings(env, "--http-port-base", "18081", "--ready-timeout=45");

        assertThat(fromEnv.port(Service.INTAKE)).isEqualTo(9181);
        assertThat(fromEnv.port(Service.ANALYTICS)).isEqualTo(9185);
        assertThat(fromEnv.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/from-env"));
        assertThat(fromBoth.port(Service.INTAKE)).isEqualTo(18081);
        assertThat(fromBoth.port(Service.ANALYTICS)).isEqualTo(18085);
        assertThat(fromBoth.readyTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void blankVariablesCountAsUnset() {
        SuiteSettings settings = settings(Map.of("SUITE_HTTP_PORT_BASE", " ", "KAFKA_BOOTSTRAP_SERVERS", ""));

        assertThat(settings.port(Service.INTAKE)).isEqualTo(8081);
        assertThat(settings.kafka().external()).isFalse();
    }

    @Test
    void servicesAreChosenByModuleOrShortNameInLifecycleOrder() {
        SuiteSettings settings = settings("--services", "routing,intake-service, SLA");

        assertThat(settings.services()).containsExactly(Service.INTAKE, Service.ROUTING, Service.SLA);
        assertThat(settings.ports()).containsOnlyKeys(Service.INTAKE, Service.ROUTING, Service.SLA);
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> settings("--services", "intake,billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("analytics-service");
    }

    @Test
    void anExistingBrokerIsUsedAsGivenUnlessAKafkaPortIsOnTheCommandLine() {
        assertThat(settings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka1:9092,kafka2:9092")).kafka().bootstrapServers())
                .isEqualTo("kafka1:9092,kafka2:9092");
        assertThat(settings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka1:9092", "KAFKA_PORT", "19092")).kafka().external())
                .as("the variable naming a broker wins over the local port variable").isTrue();

        SuiteSettings.Kafka kafka = settings(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka1:9092"), "--kafka-port", "19092").kafka();
        assertThat(kafka.external()).isFalse();
        assertThat(kafka.localPort()).isEqualTo(19092);
        assertThat(settings(Map.of("KAFKA_PORT", "29092")).kafka().localPort()).isEqualTo(29092);
    }

    @Test
    void aJdbcUrlIsUsedAsItIsWithItsQuarkusCredentials() {
        Database database = settings(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/other",
                "QUARKUS_DATASOURCE_USERNAME", "app", "QUARKUS_DATASOURCE_PASSWORD", "secret",
                "PGHOST", "ignored")).database();

        assertThat(database.mode()).isEqualTo(Database.Mode.JDBC_URL);
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/other");
        assertThat(database.user()).isEqualTo("app");
        assertThat(database.password()).isEqualTo("secret");
    }

    @Test
    void aServerNamedByPgVariablesMustAnswerInsteadOfFallingBackToAnEmbeddedOne() {
        Database database = settings(Map.of("PGHOST", "db.internal", "PGUSER", "suite", "PGPASSWORD", "pw",
                "PGDATABASE", "complaints_test")).database();

        assertThat(database).isEqualTo(new Database(Database.Mode.SERVER, null, "db.internal", 5432, "suite", "pw",
                "complaints_test"));
        assertThat(settings(Map.of("PGPORT", "5433")).database().mode()).isEqualTo(Database.Mode.SERVER);
        assertThat(settings(Map.of("PGUSER", "suite")).database().mode())
                .as("a user alone does not name a server").isEqualTo(Database.Mode.SERVER_OR_EMBEDDED);
    }

    @Test
    void aSocketDirectoryInPghostIsRefused() {
        assertThatThrownBy(() -> settings(Map.of("PGHOST", "/var/run/postgresql")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socket directory");
    }

    @Test
    void anEmbeddedPostgresCanBeAskedForOnTheCommandLineOrByTheEnvironment() {
        assertThat(settings("--embedded-postgres").database().mode()).isEqualTo(Database.Mode.EMBEDDED);
        assertThat(settings(Map.of("SUITE_EMBEDDED_POSTGRES", "true")).database().mode()).isEqualTo(Database.Mode.EMBEDDED);
        assertThat(settings(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x"), "--embedded-postgres")
                .database().mode()).isEqualTo(Database.Mode.EMBEDDED);
        assertThat(settings(Map.of("SUITE_EMBEDDED_POSTGRES", "false")).database().mode())
                .isEqualTo(Database.Mode.SERVER_OR_EMBEDDED);
    }

    @Test
    void configGoesToEveryServiceOrToTheNamedOne() {
        SuiteSettings settings = settings("--config", "quarkus.log.level=DEBUG", "--config", "sla:sla.warning-ratio=0.5",
                "--config=routing-service:routing.fallback-department=escalation-desk");

        assertThat(settings.systemProperties().get(Service.SLA))
                .containsExactly(Map.entry("quarkus.log.level", "DEBUG"), Map.entry("sla.warning-ratio", "0.5"));
        assertThat(settings.systemProperties().get(Service.ROUTING))
                .containsEntry("routing.fallback-department", "escalation-desk")
                .doesNotContainKey("sla.warning-ratio");
        assertThat(settings.systemProperties().get(Service.INTAKE)).containsOnlyKeys("quarkus.log.level");
    }

    @Test
    void aColonInsideAPropertyNameDoesNotNameAService() {
        SuiteSettings settings = settings("--config", "quarkus.log.category.\"a:b\".level=DEBUG", "--config", "x=a:b=c");

        assertThat(settings.systemProperties().get(Service.INTAKE))
                .containsEntry("quarkus.log.category.\"a:b\".level", "DEBUG")
                .containsEntry("x", "a:b=c");
    }

    @Test
    void configWithoutAValueOrWithAnUnknownServiceIsRefused() {
        assertThatThrownBy(() -> settings("--config", "quarkus.log.level"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[SERVICE:]KEY=VALUE");
        assertThatThrownBy(() -> settings("--config", "billing:x=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown service 'billing'");
    }

    @Test
    void javaOptionsReplaceTheDefaultsAndMayBeEmpty() {
        assertThat(settings("--java-opts", "  -Xmx256m   -XX:+UseG1GC ").javaOptions()).containsExactly("-Xmx256m", "-XX:+UseG1GC");
        assertThat(settings(Map.of("SUITE_JAVA_OPTS", "-Xmx128m")).javaOptions()).containsExactly("-Xmx128m");
        assertThat(settings("--java-opts", "").javaOptions()).isEmpty();
    }

    @Test
    void wrongCommandLinesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> settings("--demo-of-something"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option '--demo-of-something'");
        assertThatThrownBy(() -> settings("--http-port-base"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--http-port-base needs a value");
        assertThatThrownBy(() -> settings("--kafka-port", "ninety"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number, got 'ninety'");
        assertThatThrownBy(() -> settings("--http-port-base", "65534"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> settings("--ready-timeout", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> settings("leftover"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option 'leftover'");
    }

    @Test
    void theDemoRunsOnTopicsAndADatabaseOfItsOwnWithSlaLimitsAndAnEscalationLadderOfSeconds() {
        CommandLine.Parsed parsed = CommandLine.parse(List.of("--repo-root", REPO.toString(), "--demo"), Map.of(),
                "20261125-101500");
        SuiteSettings settings = parsed.suite().settings();

        assertThat(parsed.demo()).isNotNull();
        assertThat(parsed.demo().rate()).isEqualTo(2.0);
        assertThat(parsed.demo().duration()).isNull();
        assertThat(parsed.demo().ownDatabase()).isTrue();
        assertThat(settings.topics().events()).isEqualTo("complaint-events-demo-20261125-101500");
        assertThat(settings.database().name()).isEqualTo("complaints_demo_20261125_101500");
        assertThat(settings.systemProperties().get(Service.SLA))
                .containsEntry("sla.policies.return-normal.limit", "PT60S")
                .containsEntry("sla.policies.survey-default.kind", "CALENDAR");
        assertThat(settings.systemProperties().get(Service.ROUTING))
                .containsEntry("routing.escalation.ladder", "supervisor, escalation-desk@PT20S")
                .containsEntry("routing.escalation.watch-interval", "PT2S");
        assertThat(settings.systemProperties().get(Service.INTAKE)).isEmpty();
    }

    @Test
    void theDemosRateAndDurationComeFromTheCommandLineOrTheEnvironmentAndConfigWinsOverItsLimits() {
        CommandLine.Parsed parsed = CommandLine.parse(List.of("--repo-root", REPO.toString(), "--demo",
                "--demo-rate", "0.5", "--demo-duration=90", "--config", "sla:sla.policies.return-normal.limit=PT2M"),
                Map.of(), "x");
        CommandLine.Parsed fromEnv = CommandLine.parse(List.of("--repo-root", REPO.toString(), "--demo"),
                Map.of("SUITE_DEMO_RATE", "5", "SUITE_DEMO_DURATION", "30"), "x");

        assertThat(parsed.demo().rate()).isEqualTo(0.5);
        assertThat(parsed.demo().duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parsed.suite().settings().systemProperties().get(Service.SLA))
                .containsEntry("sla.policies.return-normal.limit", "PT2M");
        assertThat(fromEnv.demo().rate()).isEqualTo(5.0);
        assertThat(fromEnv.demo().duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDatabaseTheUserNamesIsUsedByTheDemoAndNotDropped() {
        CommandLine.Parsed parsed = CommandLine.parse(List.of("--repo-root", REPO.toString(), "--demo"),
                Map.of("PGDATABASE", "mine"), "x");

        assertThat(parsed.demo().ownDatabase()).isFalse();
        assertThat(parsed.suite().settings().database().name()).isEqualTo("mine");
    }

    @Test
    void withoutTheDemoNothingChangesAndItsOptionsAreRefused() {
        CommandLine.Parsed parsed = CommandLine.parse(List.of("--repo-root", REPO.toString()), Map.of(), "x");

        assertThat(parsed.demo()).isNull();
        assertThat(parsed.suite().settings().topics().events()).isEqualTo("complaint-events");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--demo-rate", "3"), Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go with --demo");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--demo", "--demo-rate", "fast"), Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complaints per second");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--demo", "--demo-rate", "0"), Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0");
    }
}
