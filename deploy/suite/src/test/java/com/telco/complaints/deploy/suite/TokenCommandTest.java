package com.telco.complaints.deploy.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCommandTest {

    @TempDir
    Path repo;

    private String mint(String... args) {
        return TokenCommand.mint(List.of(args), Map.of(), () -> repo);
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void aTokenIsSignedWithTheKeyPairOfTheDataDirectoryCreatedThereOnFirstUse() {
        String token = mint("--role", "agent", "--department=network-ops-tz-hl", "--subject", "agent-17",
                "--name", "张三", "--ttl", "30m");

        assertThat(Files.exists(repo.resolve("deploy/run-data/auth/token-verification-key.pem"))).isTrue();
        assertThat(claims(token)).contains("\"sub\":\"agent-17\"", "\"name\":\"张三\"", "\"groups\":[\"agent\"]",
                "\"department\":\"network-ops-tz-hl\"");
        assertThat(repo.resolve("deploy/run-data/auth/token-signing-key.pem")).exists();
        assertThat(mint("--role", "admin")).as("a second token, same key pair").isNotEqualTo(token);
    }

    @Test
    void theSubjectDefaultsToTheRoleAndTheDataDirectoryFollowsTheOptionOrTheEnvironment() {
        Path elsewhere = repo.resolve("elsewhere");
        String token = TokenCommand.mint(List.of("--role", "operator"), Map.of("SUITE_DATA_DIR", elsewhere.toString()),
                () -> repo);

        assertThat(claims(token)).contains("\"sub\":\"operator\"", "\"groups\":[\"operator\"]");
        assertThat(Files.exists(elsewhere.resolve("auth/token-verification-key.pem"))).isTrue();
        assertThat(Files.exists(repo.resolve("deploy/run-data"))).isFalse();
    }

    @Test
    void aWrongCommandLineIsRefusedWithTheReason() {
        assertThatThrownBy(() -> mint()).hasMessageContaining("--role is required");
        assertThatThrownBy(() -> mint("--role", "root")).hasMessageContaining("unknown role root");
        assertThatThrownBy(() -> mint("--role", "agent")).hasMessageContaining("needs a department");
        assertThatThrownBy(() -> mint("--role", "operator", "--department", "x")).hasMessageContaining("only an agent");
        assertThatThrownBy(() -> mint("--role", "operator", "--ttl", "forever")).hasMessageContaining("not a lifetime");
        assertThatThrownBy(() -> mint("--role", "operator", "--color", "red")).hasMessageContaining("unknown option '--color'");
        assertThatThrownBy(() -> mint("--role")).hasMessageContaining("--role needs a value");
        assertThatThrownBy(() -> mint("--role", "admin", "--role", "operator")).hasMessageContaining("given twice");
    }
}
