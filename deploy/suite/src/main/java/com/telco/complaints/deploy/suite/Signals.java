package com.telco.complaints.deploy.suite;

import sun.misc.Signal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Lets the launcher order its own shutdown on Ctrl-C, SIGTERM and SIGHUP. With the JVM's default
 * handlers every shutdown hook runs at once, in no order, and local-infra registers hooks that stop
 * the broker and the embedded PostgreSQL: the services would lose their broker and database while
 * still shutting down. Handling the signals here stops the services first.
 */
final class Signals {

    private Signals() {}

    /** Calls {@code handler} with the signal's name on each of them; the handler decides when to exit. */
    static void onTermination(Consumer<String> handler) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> handler.accept("SIG" + signal.getName()));
            } catch (IllegalArgumentException ignoredByParent) {
                // e.g. SIGHUP under nohup, or SIGINT for a background job: the parent chose to ignore it
            }
        }
    }
}
