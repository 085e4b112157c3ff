package com.telco.complaints.deploy.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** One service running as its own process, its output going to its log file. Restartable. */
final class ServiceProcess {

    private final ServiceLaunch launch;
    private Process process;
    private long startedNanos;

    ServiceProcess(ServiceLaunch launch) {
        this.launch = launch;
    }

    Service service() {
        return launch.service();
    }

    ServiceLaunch launch() {
        return launch;
    }

    /**
     * @param freshLog true to start the log file anew (a new suite run), false to append (a restart,
     *                 so the log keeps what happened before the crash)
     */
    synchronized void start(boolean freshLog) {
        if (isAlive()) {
            throw new IllegalStateException(service() + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(launch.log().getParent());
            String header = "==== " + Instant.now() + " starting " + service() + " on port " + launch.port() + ": "
                    + String.join(" ", launch.command()) + System.lineSeparator();
            Files.writeString(launch.log(), header, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    freshLog ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(launch.command())
                    .directory(launch.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
            builder.environment().putAll(launch.environment());
            process = builder.start();
            startedNanos = System.nanoTime();
            process.getOutputStream().close(); // nothing is ever typed into a service
        } catch (IOException e) {
            throw new SuiteException("cannot start " + service() + ": " + e.getMessage(), e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether the process was started and has ended since. */
    synchronized boolean exited() {
        return process != null && !process.isAlive();
    }

    synchronized int exitValue() {
        return process.exitValue();
    }

    synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    synchronized Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** SIGKILL, as a crash would: no shutdown hooks, no goodbye. Returns once the process is gone. */
    void kill() {
        Process current = current();
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroyForcibly();
        awaitExit(current);
    }

    /**
     * SIGTERM so Quarkus shuts down cleanly; SIGKILL if it is still there after {@code grace}.
     *
     * @return false if it had to be killed
     */
    boolean stop(Duration grace) {
        Process current = current();
        if (current == null || !current.isAlive()) {
            return true;
        }
        current.destroy();
        try {
            if (current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.destroyForcibly();
        awaitExit(current);
        return false;
    }

    private synchronized Process current() {
        return process;
    }

    private void awaitExit(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new SuiteException(service() + " (pid " + p.pid() + ") did not die on SIGKILL within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the service's log, for reports of what went wrong. */
    String logTail(int lines) {
        try {
            // Lenient decoding: a log is read to be shown, never rejected for a stray byte.
            List<String> all = new String(Files.readAllBytes(launch.log()), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + launch.log() + ": " + e.getMessage() + ")";
        }
    }
}
