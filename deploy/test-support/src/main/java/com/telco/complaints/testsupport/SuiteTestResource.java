package com.telco.complaints.testsupport;

import com.telco.complaints.deploy.infra.ServiceRoles;
import com.telco.complaints.deploy.infra.SuiteTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one test resource of every service's integration tests: a real Kafka broker and a real
 * PostgreSQL (see {@link Infrastructure}), and for each application start a namespace of its own:
 * fresh topics and a fresh database, dropped when the application stops, so that test runs never
 * see each other's data.
 *
 * <p>Init args: {@code partitions} (default 6).
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(SuiteTestResource.class);
    private static Infrastructure infrastructure;

    private int partitions = Integer.getInteger("complaints.test.partitions", 6);
    private SuiteTopics topics;
    private String database;
    private String role;

    /** The infrastructure of this JVM, started on first use. */
    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            infrastructure = Infrastructure.choose();
            LOG.infof("test infrastructure: %s", infrastructure.describe());
        }
        return infrastructure;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("partitions")) {
            partitions = Integer.parseInt(initArgs.get("partitions"));
        }
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = infrastructure();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        topics = SuiteTopics.DEFAULT.withSuffix("-it-" + runId);
        topics.ensureExist(infra.bootstrapServers(), partitions);
        database = "complaints_it_" + runId;
        infra.createDatabase(database);
        // The application logs in as a role of its own, as in production: not the superuser.
        role = database;
        String password = ServiceRoles.newPassword();
        infra.createRole(database, role, password);
        LOG.infof("test namespace %s: topics %s, database %s", runId, topics.all(), database);

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", password);
        config.put("complaints.topics.events", topics.events());
        config.put("complaints.topics.submissions", topics.submissions());
        config.put("complaints.topics.submissions-dlq", topics.submissionsDlq());
        config.put("complaints.topics.audit-checkpoints", topics.auditCheckpoints());
        config.put("complaints.topics.business-calendar", topics.businessCalendar());
        config.put("complaints.test.run-id", runId);
        // A consumer group of this start only, like its topics: a test beside a live suite on the same
        // broker never joins that suite's groups.
        config.put("mp.messaging.incoming.log-in.group.id", "${quarkus.application.name}-it-" + runId);
        // Every door verifies real tokens, signed with this test JVM's key (Callers).
        config.putAll(Callers.verification());
        return config;
    }

    @Override
    public void stop() {
        Infrastructure infra = infrastructure();
        try {
            infra.dropDatabase(database);
            infra.dropRole(role);
            topics.delete(infra.bootstrapServers());
        } catch (RuntimeException e) {
            LOG.warnf("cleaning up test namespace failed: %s", e.getMessage());
        }
    }
}
