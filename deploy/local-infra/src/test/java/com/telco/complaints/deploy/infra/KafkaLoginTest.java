package com.telco.complaints.deploy.infra;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaLoginTest {

    @Test
    void aScramLoginBecomesTheThreeClientSettingsAndTheirQuarkusVariables() {
        KafkaLogin login = KafkaLogin.scram("survey-service", "abc123");

        assertThat(login.settings()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"survey-service\" password=\"abc123\";");
        assertThat(login.environment()).containsOnlyKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
                "KAFKA_SASL_JAAS_CONFIG");
        assertThat(login.toString()).doesNotContain("abc123");
    }

    @Test
    void nothingThatCouldBreakOutOfTheJaasLineIsAccepted() {
        assertThatThrownBy(() -> KafkaLogin.scram("admin\" password=\"x", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaLogin.plain("admin", "p\";w")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutLoginsNoClientGetsSecuritySettings() {
        assertThat(KafkaClients.NONE.secured()).isFalse();
        assertThat(KafkaClients.NONE.admin("k:1")).containsOnlyKeys("bootstrap.servers");
        assertThat(KafkaClients.NONE.environmentOf("routing-service")).isEmpty();
    }

    @Test
    void onlyTheDecidingServicesMayWriteTheLogAndNobodyMayDeleteAnything() {
        List<AclBinding> rights = KafkaPrincipals.rights(SuiteTopics.DEFAULT);

        assertThat(rights).filteredOn(b -> b.pattern().resourceType() == ResourceType.TOPIC
                        && b.pattern().name().equals("complaint-events") && b.entry().operation() == AclOperation.WRITE)
                .extracting(b -> b.entry().principal())
                .containsExactlyInAnyOrder("User:intake-service", "User:routing-service", "User:sla-service",
                        "User:survey-service");
        assertThat(rights).noneMatch(b -> b.entry().operation() == AclOperation.DELETE
                || b.entry().operation() == AclOperation.ALL || b.entry().operation() == AclOperation.ALTER);
        assertThat(rights).filteredOn(b -> b.entry().principal().equals("User:publisher"))
                .extracting(b -> b.pattern().name() + ":" + b.entry().operation())
                .containsExactly("complaint-submissions:WRITE");
        assertThat(rights).filteredOn(b -> b.pattern().name().equals("complaint-submissions")
                        && b.entry().operation() == AclOperation.READ)
                .extracting(b -> b.entry().principal()).containsExactly("User:intake-service");
    }
}
