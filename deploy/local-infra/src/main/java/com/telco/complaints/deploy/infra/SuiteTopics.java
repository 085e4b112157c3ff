package com.telco.complaints.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The topics of DESIGN.md with their settings. A suffix gives a test run topics of its own.
 *
 * @param events         the event log, the system of record, kept forever
 * @param submissions    complaints published by other systems, kept 7 days
 * @param submissionsDlq submissions that could not be accepted, kept forever
 * @param auditCheckpoints the audit archive's signed checkpoints (analytics-service), one partition, kept forever
 * @param businessCalendar the holiday notices loaded at run time (sla-service), one partition, kept forever
 */
public record SuiteTopics(String events, String submissions, String submissionsDlq, String auditCheckpoints,
                          String businessCalendar) {

    public static final SuiteTopics DEFAULT = new SuiteTopics("complaint-events", "complaint-submissions",
            "complaint-submissions-dlq", "audit-checkpoints", "business-calendar");

    private static final String FOREVER = "-1";
    private static final String SEVEN_DAYS = String.valueOf(Duration.ofDays(7).toMillis());

    public SuiteTopics withSuffix(String suffix) {
        return new SuiteTopics(events + suffix, submissions + suffix, submissionsDlq + suffix,
                auditCheckpoints + suffix, businessCalendar + suffix);
    }

    public List<String> all() {
        return List.of(events, submissions, submissionsDlq, auditCheckpoints, businessCalendar);
    }

    /** Creates whichever of the topics is missing; existing topics are left as they are. */
    public void ensureExist(String bootstrapServers, int partitions) {
        ensureExist(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), partitions);
    }

    /** The same, with an admin's client settings (address and login). */
    public void ensureExist(Map<String, Object> admin, int partitions) {
        Object bootstrapServers = admin.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        List<NewTopic> wanted = List.of(
                topic(events, partitions, FOREVER),
                topic(submissions, partitions, SEVEN_DAYS),
                topic(submissionsDlq, partitions, FOREVER),
                // One partition: the checkpoints form one sequence, read from its end.
                topic(auditCheckpoints, 1, FOREVER),
                // One partition: a year's notices in the order they were loaded, read whole at start.
                topic(businessCalendar, 1, FOREVER));
        try (Admin client = Admin.create(withTimeout(admin))) {
            Set<String> existing = client.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                client.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + all() + " at " + bootstrapServers + ": " + e, e);
        }
    }

    /** Deletes the topics; for test runs that made their own. */
    public void delete(String bootstrapServers) {
        delete(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The same, with an admin's client settings (address and login). */
    public void delete(Map<String, Object> admin) {
        try (Admin client = Admin.create(withTimeout(admin))) {
            client.deleteTopics(all()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete topics " + all() + ": " + e, e);
        }
    }

    private static NewTopic topic(String name, int partitions, String retentionMs) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, retentionMs,
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    private static Map<String, Object> withTimeout(Map<String, Object> admin) {
        Map<String, Object> settings = new HashMap<>(admin);
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return settings;
    }
}
