package com.telco.complaints.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.complaints.deploy.images.OciImage.FileEntry;
import com.telco.complaints.deploy.images.OciImage.FileSystemView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The five services' image tarballs, as `-Pimages` writes them to {@code <service>/target/<service>-image.tar}: valid
 * OCI images that a runtime would start as a non-root user with the service's own JRE, JVM options and port, and
 * that say where they come from. Run as root (as CI does), each image's java also runs in a chroot of its layers,
 * proving that the base has the libraries, locale and users it needs.
 */
class ServiceImagesIT {

    static final String JAVA = "/opt/java/openjdk/bin/java";
    static final String RUN_JAR = "/deployments/quarkus-run.jar";
    /** What the services load (see base-image.sh): a JRE without one of them fails at start-up or at its first use. */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.management",
            "java.naming", "java.rmi", "java.security.jgss", "java.security.sasl", "java.sql", "java.xml",
            "jdk.charsets", "jdk.crypto.ec", "jdk.localedata", "jdk.management", "jdk.naming.dns", "jdk.unsupported");
    static final List<String> JVM_DEFAULTS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    static final Path ROOT = Path.of(System.getProperty("images.root", "../.."));
    static final String VERSION = System.getProperty("images.version", "1.0.0-SNAPSHOT");
    /** The base made by base-image.sh (its users, /tmp and locale are checked too), not one given by -Dimages.base. */
    static final boolean DEFAULT_BASE = System.getProperty("images.base", "tar://").startsWith("tar://");

    private static final Map<String, FileSystemView> FILE_SYSTEMS = new ConcurrentHashMap<>();

    @AfterAll
    static void forget() {
        FILE_SYSTEMS.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "routing-service", "sla-service", "survey-service", "analytics-service"})
    void isAValidOciImageLayout(String service) throws IOException {
        try (OciImage image = open(service)) {
            assertThat(image.layout().path("imageLayoutVersion").asText()).isEqualTo("1.0.0");
            JsonNode index = image.index();
            assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
            JsonNode descriptor = index.path("manifests").get(0);
            assertThat(descriptor.path("mediaType").asText()).isEqualTo(OciImage.MANIFEST);
            assertThat(descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText())
                    .isEqualTo("complaint-suite/" + service + ":" + VERSION);

            JsonNode manifest = image.manifest();
            assertThat(manifest.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(manifest.path("config").path("mediaType").asText()).isEqualTo(OciImage.CONFIG);
            assertThat(image.layers()).isNotEmpty()
                    .allSatisfy(layer -> assertThat(layer.path("mediaType").asText()).isEqualTo(OciImage.LAYER));

            JsonNode config = image.config();
            assertThat(config.path("os").asText()).isEqualTo("linux");
            assertThat(config.path("architecture").asText()).isIn("amd64", "arm64");
            assertThat(config.path("rootfs").path("type").asText()).isEqualTo("layers");
            assertThat(texts(config.path("rootfs").path("diff_ids")))
                    .as("the config's diff_ids are the digests of the uncompressed layers")
                    .isEqualTo(fileSystem(service, image).diffIds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "routing-service", "sla-service", "survey-service", "analytics-service"})
    void runsJavaOnQuarkusRunJarAsANonRootUser(String service) throws IOException {
        try (OciImage image = open(service)) {
            JsonNode config = image.config().path("config");
            FileSystemView fs = fileSystem(service, image);

            String user = config.path("User").asText();
            String uid = user.split(":")[0];
            assertThat(uid).isNotBlank().isNotEqualTo("0").isNotEqualTo("root").matches("[1-9][0-9]*");
            if (DEFAULT_BASE) {
                String account = Arrays.stream(fs.text("/etc/passwd").split("\n"))
                        .filter(line -> line.split(":")[2].equals(uid)).findFirst().orElseThrow();
                assertThat(account).as("the user has a name and a home of its own")
                        .matches("app:x:" + uid + ":" + uid + ":.*:/home/app:.*");
                assertThat(fs.files().get("/home/app").uid()).isEqualTo(Long.parseLong(uid));
                assertThat(fs.files().get("/tmp").mode()).isEqualTo(01777);
            }

            assertThat(texts(config.path("Entrypoint"))).containsExactly(JAVA, "-jar", RUN_JAR);
            assertThat(config.has("Cmd")).isFalse();
            FileEntry java = fs.files().get(JAVA);
            assertThat(java).isNotNull();
            assertThat(java.regular() && java.executable()).isTrue();
            assertThat(fs.files().get(RUN_JAR)).isNotNull().matches(FileEntry::regular);
            assertThat(fs.under("/deployments/lib/main")).as("the libraries").hasSizeGreaterThan(20);
            assertThat(fs.under("/deployments/lib/boot")).isNotEmpty();
            assertThat(fs.under("/deployments/app")).anyMatch(p -> p.endsWith(service + "-" + VERSION + ".jar"));
            assertThat(fs.under("/deployments/quarkus")).contains("/deployments/quarkus/quarkus-application.dat");
            assertThat(fs.files().values()).as("the application is root's, read-only for the user")
                    .filteredOn(f -> f.path().startsWith("/deployments"))
                    .allSatisfy(f -> assertThat(f.uid()).isZero())
                    .allSatisfy(f -> assertThat(f.mode() & 022).isZero());
            assertThat(fs.files()).as("Jib's own layout of the classes is left out").doesNotContainKey("/app");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "routing-service", "sla-service", "survey-service", "analytics-service"})
    void carriesItsLabelsPortAndJvmDefaults(String service) throws Exception {
        try (OciImage image = open(service)) {
            JsonNode config = image.config().path("config");

            JsonNode labels = config.path("Labels");
            assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}");
            headCommit().ifPresent(head -> assertThat(labels.path("org.opencontainers.image.revision").asText())
                    .as("the image is of the checkout's commit (images built before the last commit are stale)")
                    .isEqualTo(head));
            assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
            assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
            assertThat(labels.path("org.opencontainers.image.source").asText()).isNotBlank()
                    .doesNotContain("${");

            Map<String, String> env = Chroot.environment(config);
            assertThat(env.get("JDK_JAVA_OPTIONS").split(" ")).containsAll(JVM_DEFAULTS);
            assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0").containsEntry("LANG", "C.UTF-8");
            String port = httpPort(service);
            assertThat(env).containsEntry("QUARKUS_HTTP_PORT", port);
            assertThat(fieldNames(config.path("ExposedPorts"))).containsExactly(port + "/tcp");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "routing-service", "sla-service", "survey-service", "analytics-service"})
    void hasAJreWithTheModulesTheServicesNeed(String service) throws IOException {
        try (OciImage image = open(service)) {
            FileSystemView fs = fileSystem(service, image);
            String release = fs.text("/opt/java/openjdk/release");
            String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
            assertThat(modules.substring("MODULES=".length()).replace("\"", "").split(" ")).containsAll(MODULES);
            assertThat(release).contains("JAVA_VERSION=\"17");
            assertThat(fs.files().get("/opt/java/openjdk/lib/security/cacerts").size())
                    .as("the CA certificates, a real file").isGreaterThan(50_000);
        }
    }

    /**
     * The image's own java, libc and users, not the build machine's: its layers unpacked, java run there by chroot
     * as the image's user with the image's environment. Needs root (as CI runs); skipped otherwise.
     */
    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "analytics-service"})
    void runsItsOwnJavaInAChroot(String service) throws Exception {
        assumeTrue(Chroot.possible(), "chroot needs root on Linux");
        assumeTrue(DEFAULT_BASE, "checks the user and locale of the default base only");
        try (OciImage image = open(service)) {
            Optional<Chroot> unpacked = Chroot.of(image, service);
            assumeTrue(unpacked.isPresent(), "mounting /proc in the chroot is not allowed here");
            try (Chroot chroot = unpacked.get()) {
                Chroot.Result version = chroot.run(List.of(JAVA, "-XshowSettings:properties", "-version"), Map.of());
                assertThat(version.exitCode()).as(version.output()).isZero();
                assertThat(version.output())
                        .contains("Picked up JDK_JAVA_OPTIONS: " + chroot.environment().get("JDK_JAVA_OPTIONS"))
                        .contains("java.home = /opt/java/openjdk")
                        .contains("user.name = app")
                        .contains("user.home = /home/app")
                        .contains("file.encoding = UTF-8")
                        .contains("sun.jnu.encoding = UTF-8")
                        .contains("openjdk version \"17");

                Chroot.Result modules = chroot.run(List.of(JAVA, "--list-modules"), Map.of());
                assertThat(modules.exitCode()).as(modules.output()).isZero();
                assertThat(modules.output().lines().map(l -> l.replaceFirst("@.*", "")).toList())
                        .containsAll(MODULES);

                // The image's JVM options take effect: a heap of 192 MB, the serial collector.
                Chroot.Result flags = chroot.run(List.of(JAVA, "-XX:+PrintFlagsFinal", "-version"), Map.of());
                assertThat(flags.output()).containsPattern("size_t MaxHeapSize += 201326592 ")
                        .containsPattern("bool UseSerialGC += true ");
            }
        }
    }

    static OciImage open(String service) throws IOException {
        Path tarball = ROOT.resolve(service).resolve("target").resolve(service + "-image.tar");
        assertThat(tarball).as("built by -Pimages in " + service).isRegularFile();
        return new OciImage(tarball);
    }

    private static FileSystemView fileSystem(String service, OciImage image) throws IOException {
        FileSystemView fs = FILE_SYSTEMS.get(service);
        if (fs == null) {
            fs = image.fileSystem(Set.of("/etc/passwd", "/opt/java/openjdk/release"));
            FILE_SYSTEMS.put(service, fs);
        }
        return fs;
    }

    private static String httpPort(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.http.port");
    }

    /** The checkout's commit, when git is there to say it. */
    private static Optional<String> headCommit() throws InterruptedException {
        try {
            Chroot.Result head = Chroot.onHost(List.of("git", "-C", ROOT.toString(), "rev-parse", "HEAD"), null);
            return head.exitCode() == 0 ? Optional.of(head.output().strip()) : Optional.empty();
        } catch (IOException noGit) {
            return Optional.empty();
        }
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
