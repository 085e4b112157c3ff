package com.telco.complaints.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * An image's file system unpacked from its layers into a directory, with /proc mounted (where the java launcher
 * finds its own libraries), in which commands run by chroot as the image's user with the image's environment:
 * the image's own JRE, libc and users, not the build machine's. Needs root; {@link #possible()} says whether
 * this process may.
 */
final class Chroot implements AutoCloseable {

    private static final String CHROOT = Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "chroot";

    private final Path dir;
    private final String user;
    private final Map<String, String> environment;
    private boolean mounted;

    static boolean possible() {
        return "root".equals(System.getProperty("user.name")) && System.getProperty("os.name").equals("Linux");
    }

    /** Unpacks {@code image}; empty when /proc cannot be mounted here (a container without the right). */
    static Optional<Chroot> of(OciImage image, String name) throws IOException, InterruptedException {
        Chroot chroot = new Chroot(Files.createTempDirectory("image-" + name), image.config().path("config"));
        try {
            for (JsonNode layer : image.layers()) {
                Process tar = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "-xzf", "-", "-C",
                        chroot.dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                try (OutputStream in = tar.getOutputStream()) {
                    image.copyLayer(layer, in);
                }
                if (finish(tar) != 0) {
                    throw new IllegalStateException("tar could not unpack layer " + layer);
                }
            }
            Files.createDirectories(chroot.dir.resolve("proc"));
            chroot.mounted = onHost(List.of("mount", "-t", "proc", "proc", chroot.dir.resolve("proc").toString()), null)
                    .exitCode() == 0;
            if (!chroot.mounted) {
                chroot.close();
                return Optional.empty();
            }
            return Optional.of(chroot);
        } catch (IOException | InterruptedException | RuntimeException e) {
            chroot.close();
            throw e;
        }
    }

    private Chroot(Path dir, JsonNode config) {
        this.dir = dir;
        this.user = config.path("User").asText();
        this.environment = environment(config);
    }

    /** The image's environment (its config's Env). */
    Map<String, String> environment() {
        return environment;
    }

    /** Runs {@code command} to its end (at most a minute), with the image's environment and {@code extra}. */
    Result run(List<String> command, Map<String, String> extra) throws IOException, InterruptedException {
        return onHost(chrooted(command), merged(extra));
    }

    /** Starts {@code command}, its output going to {@code log}. */
    Process start(List<String> command, Map<String, String> extra, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(chrooted(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(merged(extra));
        return builder.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            onHost(List.of("umount", dir.resolve("proc").toString()), null);
            mounted = false;
        }
        onHost(List.of("rm", "-rf", "--one-file-system", dir.toString()), null);
    }

    record Result(int exitCode, String output) {
    }

    static Map<String, String> environment(JsonNode config) {
        Map<String, String> env = new LinkedHashMap<>();
        StreamSupport.stream(config.path("Env").spliterator(), false).map(JsonNode::asText).forEach(entry -> {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        });
        return env;
    }

    /** Runs a command outside, with exactly {@code env} as its environment (null: this JVM's), up to a minute. */
    static Result onHost(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (env != null) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(finish(process), output);
    }

    private List<String> chrooted(List<String> command) {
        List<String> all = new ArrayList<>(List.of(CHROOT, "--userspec=" + user, dir.toString()));
        all.addAll(command);
        return all;
    }

    private Map<String, String> merged(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(extra);
        return env;
    }

    private static int finish(Process process) throws InterruptedException {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + process.info().commandLine().orElse("?"));
        }
        return process.exitValue();
    }
}
