package com.telco.complaints.systemtests;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;

/**
 * Starts the suite once for the whole test JVM (it takes 30-60 s) and hands the scenario classes
 * its {@link Doors} or the {@link SystemUnderTest} itself. JUnit closes it after the last class;
 * a failed start is remembered, so the remaining classes fail at once instead of trying again.
 */
final class RunningSuite implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSuite.class);

    /** Started, or why not; closed by JUnit when the root context closes. */
    private static final class Attempt implements AutoCloseable {
        private SystemUnderTest system;
        private RuntimeException failure;

        Attempt() {
            try {
                system = SystemUnderTest.start();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        SystemUnderTest system() {
            if (failure != null) {
                throw new IllegalStateException("the suite did not start: " + failure.getMessage(), failure);
            }
            return system;
        }

        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
        }
    }

    static {
        // Asynchronous results are awaited with bounds; on two shared cores a few seconds are normal.
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(250));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        // A service that hangs fails the call instead of holding the test forever (no timeout by default).
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000)
                .setParam("http.socket.timeout", 30_000));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    private static SystemUnderTest system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Attempt.class, type -> new Attempt(), Attempt.class)
                .system();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Doors.class || type == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SystemUnderTest system = system(context);
        return parameter.getParameter().getType() == Doors.class ? new Doors(system.suite()) : system;
    }
}
