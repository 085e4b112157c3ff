package com.telco.complaints.deploy.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process the way an operator would: SIGTERM, a grace period, then SIGKILL. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** Stops {@code process} and everything it started; returns once all are gone. */
    public static void stop(Process process, Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle process, Duration grace) {
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception slow) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + process.pid() + " did not stop", e);
        }
    }

    /** The {@code java} of the running JVM, so children run on the same Java as their launcher. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
