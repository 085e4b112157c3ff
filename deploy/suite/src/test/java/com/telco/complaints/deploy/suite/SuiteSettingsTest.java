package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.KafkaClients;
import com.telco.complaints.deploy.infra.KafkaLogin;
import com.telco.complaints.deploy.infra.SuiteTopics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteSettingsTest {

    private static final Path REPO = Path.of("/repo");
    private static final Endpoints ENDPOINTS = new Endpoints("127.0.0.1:9092",
            "jdbc:postgresql://127.0.0.1:5432/complaints", "postgres", null, SuiteTopics.DEFAULT);

    private static Suite.Builder suite() {
        return Suite.builder().repoRoot(REPO);
    }

    @Test
    void aServiceRunsItsRunnableJarWithTheJavaOptionsThenItsSystemProperties() {
        ServiceLaunch launch = suite()
                .javaOptions(List.of("-Xmx128m", "-XX:+UseSerialGC"))
                .systemProperty("quarkus.log.level", "DEBUG")
                .systemProperty(Service.SLA, "sla.warning-ratio", "0.5")
                .settings()
                .launch(Service.SLA, ENDPOINTS, "/jdk/bin/java");

        assertThat(launch.command()).containsExactly("/jdk/bin/java", "-Xmx128m", "-XX:+UseSerialGC",
                "-Dquarkus.log.level=DEBUG", "-Dsla.warning-ratio=0.5",
                "-jar", "/repo/sla-service/target/quarkus-app/quarkus-run.jar");
        assertThat(launch.workDir()).isEqualTo(REPO.resolve("sla-service"));
        assertThat(launch.log()).isEqualTo(REPO.resolve("deploy/run-data/logs/sla-service.log"));
        assertThat(launch.port()).isEqualTo(8083);
    }

    @Test
    void theEnvironmentPointsTheServiceAtItsPortBrokerAndDatabaseAndLimitsMallocArenas() {
        ServiceLaunch launch = suite().httpPortBase(18081).settings().launch(Service.ROUTING, ENDPOINTS, "java");

        assertThat(launch.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_HTTP_PORT", "18082",
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/complaints",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:///repo/deploy/run-data/auth/token-verification-key.pem",
                "MP_JWT_VERIFY_ISSUER", "complaint-suite-local",
                "COMPLAINTS_CONSOLE_ORIGINS", "http://localhost:18085,http://127.0.0.1:18085",
                "MALLOC_ARENA_MAX", "2"));
    }

    @Test
    void everyServiceAnswersTheConsoleOnAnalyticsPortAndAnalyticsTellsItWhereTheOtherDoorsAre() {
        SuiteSettings settings = suite().port(Service.ANALYTICS, 9085).port(Service.SLA, 9083).settings();

        for (Service service : Service.values()) {
            assertThat(settings.launch(service, ENDPOINTS, "java").environment())
                    .containsEntry("COMPLAINTS_CONSOLE_ORIGINS", "http://localhost:9085,http://127.0.0.1:9085");
        }
        Map<String, String> analytics = settings.launch(Service.ANALYTICS, ENDPOINTS, "java").environment();
        assertThat(analytics).containsEntry("CONSOLE_DOORS_INTAKE", ":8081")
                .containsEntry("CONSOLE_DOORS_ROUTING", ":8082")
                .containsEntry("CONSOLE_DOORS_SLA", ":9083")
                .containsEntry("CONSOLE_DOORS_SURVEY", ":8084")
                .doesNotContainKey("CONSOLE_DOORS_ANALYTICS");
        assertThat(settings.launch(Service.ROUTING, ENDPOINTS, "java").environment())
                .doesNotContainKeys("CONSOLE_DOORS_INTAKE", "CONSOLE_DOORS_SLA");
    }

    @Test
    void theUsersOwnConsoleSettingsWinAndAServiceNotStartedKeepsItsDefaultDoor() {
        SuiteSettings settings = suite()
                .environment("COMPLAINTS_CONSOLE_ORIGINS", "https://console.example.com")
                .environment(Service.ANALYTICS, "CONSOLE_DOORS_SLA", "https://sla.example.com")
                .settings();

        assertThat(settings.launch(Service.INTAKE, ENDPOINTS, "java").environment())
                .containsEntry("COMPLAINTS_CONSOLE_ORIGINS", "https://console.example.com");
        assertThat(settings.launch(Service.ANALYTICS, ENDPOINTS, "java").environment())
                .containsEntry("CONSOLE_DOORS_SLA", "https://sla.example.com")
                .containsEntry("CONSOLE_DOORS_SURVEY", ":8084");

        SuiteSettings twoServices = suite().services(Service.SLA, Service.ANALYTICS).settings();
        assertThat(twoServices.launch(Service.ANALYTICS, ENDPOINTS, "java").environment())
                .containsEntry("CONSOLE_DOORS_SLA", ":8083")
                .doesNotContainKeys("CONSOLE_DOORS_INTAKE", "CONSOLE_DOORS_ROUTING", "CONSOLE_DOORS_SURVEY");
        // Without analytics in the suite, the services keep their own default origins.
        assertThat(suite().services(Service.SLA).settings().launch(Service.SLA, ENDPOINTS, "java").environment())
                .doesNotContainKey("COMPLAINTS_CONSOLE_ORIGINS");
    }

    @Test
    void onABrokerWithLoginsEachServiceLogsInAsItsOwnPrincipal() {
        KafkaClients clients = new KafkaClients(Map.of(
                "routing-service", KafkaLogin.scram("routing-service", "r0uting"),
                "sla-service", KafkaLogin.scram("sla-service", "s1a")));
        SuiteSettings settings = suite().settings();

        Map<String, String> routing = settings.launch(Service.ROUTING, ENDPOINTS.withKafka(clients), "java").environment();
        assertThat(routing).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat(routing.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"routing-service\"")
                .contains("password=\"r0uting\"");
        assertThat(settings.launch(Service.SLA, ENDPOINTS.withKafka(clients), "java").environment()
                .get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"sla-service\"");
        assertThat(settings.launch(Service.ROUTING, ENDPOINTS, "java").environment())
                .doesNotContainKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void aServiceWhoseTokenKeysAreConfiguredElsewhereDoesNotGetTheLocalKeyPair() {
        SuiteSettings settings = suite()
                .systemProperty(Service.SLA, "mp.jwt.verify.publickey.location", "https://sso/realms/telco/certs")
                .environment(Service.SURVEY, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://sso/realms/telco/certs")
                .settings();

        assertThat(settings.launch(Service.SLA, ENDPOINTS, "java").environment())
                .doesNotContainKeys("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
        assertThat(settings.launch(Service.SURVEY, ENDPOINTS, "java").environment())
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://sso/realms/telco/certs")
                .doesNotContainKey("MP_JWT_VERIFY_ISSUER");
        assertThat(settings.localTokens(Service.INTAKE)).isTrue();
        assertThat(settings.localTokens()).isTrue();
        assertThat(suite().services(Service.SLA)
                .systemProperty("mp.jwt.verify.publickey.location", "https://sso/certs").settings().localTokens()).isFalse();
    }

    @Test
    void aPasswordAndTopicsOfTheirOwnAreHandedOnWhenThereAreAny() {
        Endpoints endpoints = new Endpoints("k:1", "jdbc:postgresql://db/x", "app", "secret",
                SuiteTopics.DEFAULT.withSuffix("-st1"));

        Map<String, String> env = suite().settings().launch(Service.INTAKE, endpoints, "java").environment();

        assertThat(env).containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret")
                .containsEntry("COMPLAINTS_TOPICS_EVENTS", "complaint-events-st1")
                .containsEntry("COMPLAINTS_TOPICS_SUBMISSIONS", "complaint-submissions-st1")
                .containsEntry("COMPLAINTS_TOPICS_SUBMISSIONS_DLQ", "complaint-submissions-dlq-st1");
    }

    @Test
    void environmentOverridesWinOverTheEndpointsAndReachOnlyTheServicesTheyName() {
        SuiteSettings settings = suite()
                .environment("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .environment(Service.ANALYTICS, "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")
                .settings();

        Map<String, String> analytics = settings.launch(Service.ANALYTICS, ENDPOINTS, "java").environment();
        Map<String, String> intake = settings.launch(Service.INTAKE, ENDPOINTS, "java").environment();

        assertThat(analytics).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        assertThat(intake).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
    }

    @Test
    void aServiceSettingWinsOverTheSameSettingForAll() {
        SuiteSettings settings = suite()
                .systemProperty(Service.SURVEY, "quarkus.log.level", "TRACE")
                .systemProperty("quarkus.log.level", "DEBUG")
                .settings();

        assertThat(settings.systemProperties().get(Service.SURVEY)).containsEntry("quarkus.log.level", "TRACE");
        assertThat(settings.systemProperties().get(Service.INTAKE)).containsEntry("quarkus.log.level", "DEBUG");
    }

    @Test
    void aPortSetForOneServiceKeepsTheOthersOnTheirDesignPorts() {
        SuiteSettings settings = suite().port(Service.SURVEY, 9999).settings();

        assertThat(settings.port(Service.SURVEY)).isEqualTo(9999);
        assertThat(settings.port(Service.SLA)).isEqualTo(8083);
    }

    @Test
    void twoServicesOnOnePortAreRefused() {
        assertThatThrownBy(() -> suite().port(Service.SURVEY, 8081).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same port");
    }

    @Test
    void freePortsGiveEveryServiceAPortOfItsOwnButKeepTheOnesSet() {
        SuiteSettings settings = suite().port(Service.INTAKE, 18081).freePorts().settings();

        assertThat(settings.port(Service.INTAKE)).isEqualTo(18081);
        assertThat(new HashSet<>(settings.ports().values())).hasSize(5);
    }

    @Test
    void theDataDirectoryHoldsTheBrokerPostgresAndLogs() {
        SuiteSettings settings = suite().dataDir(Path.of("/tmp/st-1")).settings();

        assertThat(settings.kafkaDataDir()).isEqualTo(Path.of("/tmp/st-1/kafka"));
        assertThat(settings.postgresDataDir()).isEqualTo(Path.of("/tmp/st-1/postgres"));
        assertThat(settings.logFile(Service.INTAKE)).isEqualTo(Path.of("/tmp/st-1/logs/intake-service.log"));
    }

    @Test
    void aDatabaseNameSurvivesAChangeOfServer() {
        SuiteSettings.Database database = suite().database("complaints_st").embeddedPostgres().settings().database();

        assertThat(database.mode()).isEqualTo(SuiteSettings.Database.Mode.EMBEDDED);
        assertThat(database.name()).isEqualTo("complaints_st");
    }

    @Test
    void aServiceGetsTheSecretsTheSuiteKeepsForItAndTheUsersOwnWin() {
        Endpoints endpoints = ENDPOINTS.withSecrets(Map.of(Service.ANALYTICS,
                Map.of("ANALYTICS_AUDIT_CHAIN_KEY", "k".repeat(36))));

        assertThat(suite().settings().launch(Service.ANALYTICS, endpoints, "java").environment())
                .containsEntry("ANALYTICS_AUDIT_CHAIN_KEY", "k".repeat(36));
        assertThat(suite().settings().launch(Service.ROUTING, endpoints, "java").environment())
                .doesNotContainKey("ANALYTICS_AUDIT_CHAIN_KEY");
        assertThat(suite().environment("ANALYTICS_AUDIT_CHAIN_KEY", "mine".repeat(9)).settings()
                .launch(Service.ANALYTICS, endpoints, "java").environment())
                .containsEntry("ANALYTICS_AUDIT_CHAIN_KEY", "mine".repeat(9));
    }
}
