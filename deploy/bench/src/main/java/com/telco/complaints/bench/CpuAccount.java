package com.telco.complaints.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time (user + system, from /proc) spent by each party of a measurement — the service, the
 * broker, PostgreSQL, the load generator — so that a result can say where the time went.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100.0;
    static final String LOAD_GENERATOR = "load generator (this JVM)";

    /** Seconds of CPU used so far by each named party. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(p -> p.pid() == pid)));
        seconds.put("postgresql (all backends)", cpuSeconds(p -> p.info().command().map(c -> c.contains("postgres"))
                .orElse(false)));
        seconds.put("kafka broker", cpuSeconds(p -> commandLine(p).contains("KafkaBrokerMain")));
        seconds.put(LOAD_GENERATOR, cpuSeconds(p -> p.pid() == ProcessHandle.current().pid()));
        return seconds;
    }

    /** The CPU milliseconds each party spent per unit of work between two snapshots. */
    static Map<String, Double> perUnit(Map<String, Double> before, Map<String, Double> after, long units) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, s) -> per.put(name, 1000.0 * (s - before.getOrDefault(name, 0.0)) / Math.max(1, units)));
        return per;
    }

    private static double cpuSeconds(Predicate<ProcessHandle> which) {
        return ProcessHandle.allProcesses().filter(which).mapToDouble(CpuAccount::ticks).sum() / TICKS_PER_SECOND;
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline"))).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static double ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
