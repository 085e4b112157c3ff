package com.telco.complaints.deploy.suite.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** The width of the terminal the launcher runs in, from {@code stty size} on /dev/tty; empty when unknown. */
final class TerminalWidth {

    private TerminalWidth() {}

    static OptionalInt columns() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return OptionalInt.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return OptionalInt.empty();
            }
            return parse(answer);
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** {@code "rows columns"}, as stty prints it. */
    static OptionalInt parse(String sttySize) {
        String[] parts = sttySize.trim().split("\\s+");
        try {
            int columns = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
