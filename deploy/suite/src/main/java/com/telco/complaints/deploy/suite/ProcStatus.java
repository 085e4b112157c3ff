package com.telco.complaints.deploy.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process as Linux reports it in {@code /proc/<pid>/status}. */
public final class ProcStatus {

    private ProcStatus() {}

    /** VmRSS in KiB; empty where there is no /proc (not Linux) or the process is gone. */
    public static OptionalLong rssKib(long pid) {
        try {
            return parseRssKib(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseRssKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
