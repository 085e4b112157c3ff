package com.telco.complaints.deploy.suite;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five services of the suite, in the order of the complaint lifecycle, with their ports from DESIGN.md. */
public enum Service {
    INTAKE("intake-service", 8081),
    ROUTING("routing-service", 8082),
    SLA("sla-service", 8083),
    SURVEY("survey-service", 8084),
    ANALYTICS("analytics-service", 8085);

    private final String id;
    private final int defaultPort;

    Service(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The module directory and application name, e.g. {@code routing-service}. */
    public String id() {
        return id;
    }

    /** Its schema in the database, and the suffix of its own role: {@code routing}. */
    public String schema() {
        return id.substring(0, id.indexOf('-'));
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable jar {@code ./mvnw package} builds in the service's module. */
    public Path runnableJar(Path repoRoot) {
        return moduleDir(repoRoot).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public Path moduleDir(Path repoRoot) {
        return repoRoot.resolve(id);
    }

    /** Accepts {@code routing-service}, {@code routing} or {@code ROUTING}. */
    public static Service byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Service service : values()) {
            if (service.id.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "'; known: " + Arrays.stream(values())
                .map(Service::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
