package com.telco.complaints.deploy.images;

import com.telco.complaints.deploy.infra.LocalPostgres;
import com.telco.complaints.deploy.infra.LocalTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * analytics-service started from its image, as a runtime would start it (its entrypoint, user, environment and
 * JRE, in a chroot of its layers) against a database of its own on the real PostgreSQL: it migrates, answers its
 * health check and renders the monthly report as a PDF in Chinese, which needs the JRE's java.desktop, fonts and
 * locale data. No broker: the service starts and stays live without one. Needs root; skipped otherwise.
 */
class ServiceFromImageIT {

    private static final String SERVICE = "analytics-service";
    private static final String DATABASE = "images_analytics_it";

    @Test
    void analyticsStartsFromItsImageAndRendersThePdfReport() throws Exception {
        assumeTrue(Chroot.possible(), "chroot needs root on Linux");
        assumeTrue(ServiceImagesIT.DEFAULT_BASE, "runs on the default base only");
        try (OciImage image = ServiceImagesIT.open(SERVICE);
             LocalPostgres postgres = LocalPostgres.startOrReuse(LocalPostgres.Settings.defaults())) {
            Optional<Chroot> unpacked = Chroot.of(image, SERVICE);
            assumeTrue(unpacked.isPresent(), "mounting /proc in the chroot is not allowed here");
            postgres.dropDatabase(DATABASE);
            postgres.createDatabaseIfMissing(DATABASE);
            LocalTokens tokens = LocalTokens.inMemory();
            int port = freePort();
            Path log = Files.createDirectories(Path.of("target")).resolve("analytics-from-image.log").toAbsolutePath();
            List<String> entrypoint = ServiceImagesIT.texts(image.config().path("config").path("Entrypoint"));
            try (Chroot chroot = unpacked.get()) {
                Process service = chroot.start(entrypoint, Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(port),
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE),
                        "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                        "QUARKUS_DATASOURCE_PASSWORD", postgres.password() == null ? "" : postgres.password(),
                        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort(),
                        "ANALYTICS_AUDIT_CHAIN_KEY", "images-it-only-audit-chain-key-0123456789abcdef",
                        "MP_JWT_VERIFY_PUBLICKEY", tokens.verificationKeyPem(),
                        "MP_JWT_VERIFY_ISSUER", tokens.issuer()), log);
                try {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    URI base = URI.create("http://127.0.0.1:" + port);
                    await("analytics-service live from its image (log: " + log + ")")
                            .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .until(() -> {
                                assertThat(service.isAlive()).as(() -> tail(log)).isTrue();
                                return status(http, base.resolve("/q/health/live")) == 200;
                            });

                    String token = tokens.mint(new LocalTokens.Caller("images-it", "images IT", "operator", null),
                            Duration.ofMinutes(10));
                    HttpResponse<byte[]> pdf = http.send(
                            HttpRequest.newBuilder(base.resolve("/reports/monthly?month=2026-11"))
                                    .header("Authorization", "Bearer " + token).header("Accept", "application/pdf")
                                    .timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(pdf.statusCode()).as(() -> tail(log)).isEqualTo(200);
                    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
                    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                    assertThat(pdf.body().length).as("a PDF with its embedded CJK font subset").isGreaterThan(10_000);
                    assertThat(Files.readString(log)).contains("Listening on: http://0.0.0.0:" + port)
                            .doesNotContain("NoClassDefFoundError", "UnsatisfiedLinkError", "ClassNotFoundException");
                } finally {
                    service.destroy();
                    if (!service.waitFor(30, TimeUnit.SECONDS)) {
                        service.destroyForcibly().waitFor();
                    }
                }
            } finally {
                postgres.dropDatabase(DATABASE);
            }
        }
    }

    private static int status(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
