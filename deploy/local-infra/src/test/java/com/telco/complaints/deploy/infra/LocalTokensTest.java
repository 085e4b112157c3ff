package com.telco.complaints.deploy.infra;

import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIsSignedWithTheKeyWhosePublicHalfIsWrittenBesideIt() throws Exception {
        LocalTokens tokens = LocalTokens.in(dir);
        String token = tokens.mint(new Caller("agent-7", "李\"四", "agent", "network-ops"),
                Instant.ofEpochSecond(1_800_000_000L), Duration.ofHours(8));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(Files.readString(LocalTokens.verificationKeyFile(dir))));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"complaint-suite-local\"", "\"sub\":\"agent-7\"",
                "\"name\":\"李\\\"四\"", "\"groups\":[\"agent\"]", "\"department\":\"network-ops\"",
                "\"iat\":1800000000", "\"exp\":1800028800");
    }

    @Test
    void theKeyPairIsCreatedOnceAndReusedByLaterStarts() throws Exception {
        LocalTokens first = LocalTokens.in(dir);
        String pem = Files.readString(LocalTokens.verificationKeyFile(dir));
        LocalTokens second = LocalTokens.in(dir);

        assertThat(second.verificationKeyPem()).isEqualTo(first.verificationKeyPem()).isEqualTo(pem);
        assertThat(Files.getPosixFilePermissions(dir.resolve("token-signing-key.pem")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(LocalTokens.inMemory().verificationKeyPem()).isNotEqualTo(pem);
    }

    @Test
    void aCallerNeedsAKnownRoleAndADepartmentExactlyWhenAnAgent() {
        assertThatThrownBy(() -> new Caller("x", null, "root", null)).hasMessageContaining("unknown role root");
        assertThatThrownBy(() -> new Caller("x", null, "agent", null)).hasMessageContaining("needs a department");
        assertThatThrownBy(() -> new Caller("x", null, "operator", "network-ops"))
                .hasMessageContaining("only an agent");
        assertThatThrownBy(() -> new Caller(" ", null, "operator", null)).hasMessageContaining("subject");
    }

    @Test
    void lifetimesReadAsShortUnitsOrIso8601() {
        assertThat(LocalTokens.lifetime("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(LocalTokens.lifetime("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(LocalTokens.lifetime("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(LocalTokens.lifetime("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> LocalTokens.lifetime("eight hours")).hasMessageContaining("not a lifetime");
        assertThatThrownBy(() -> LocalTokens.inMemory().mint(new Caller("x", null, "admin", null), Duration.ZERO))
                .hasMessageContaining("positive");
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
