package com.telco.complaints.testsupport;

import com.telco.complaints.deploy.infra.LocalTokens;
import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Real bearer tokens for the services under test: signed with a key pair of this test JVM, whose
 * public half {@link SuiteTestResource} configures every application with. Each role has a caller of
 * its own ({@code it-<role>}; an agent {@code it-agent-<department>}), and a test calls each door as
 * the role that uses it.
 */
public final class Callers {

    public static final String SUBMITTER = "submitter";
    public static final String AGENT = "agent";
    public static final String SURVEYOR = "surveyor";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** The signing key travels in a system property: the test resource and the tests may have different class loaders. */
    private static final String KEY_PROPERTY = "complaints.test.token-signing-key";
    private static final Map<Caller, String> TOKENS = new ConcurrentHashMap<>();

    private Callers() {}

    private static synchronized LocalTokens keys() {
        String pem = System.getProperty(KEY_PROPERTY);
        if (pem == null) {
            LocalTokens fresh = LocalTokens.inMemory();
            System.setProperty(KEY_PROPERTY, fresh.signingKeyPem());
            return fresh;
        }
        return LocalTokens.ofSigningKey(pem);
    }

    /** What an application under test verifies tokens with. */
    public static Map<String, String> verification() {
        LocalTokens keys = keys();
        return Map.of("mp.jwt.verify.publickey", keys.verificationKeyPem(), "mp.jwt.verify.issuer", keys.issuer());
    }

    /** The subject of a role's test caller. */
    public static String subject(String role) {
        return "it-" + role;
    }

    /** The subject of a department's test agent. */
    public static String agentSubject(String department) {
        return "it-agent-" + department;
    }

    public static String token(Caller caller) {
        return TOKENS.computeIfAbsent(caller, c -> keys().mint(c, Duration.ofHours(12)));
    }

    /** The token of the role's test caller (not for agents: see {@link #agent}). */
    public static String tokenOf(String role) {
        return token(new Caller(subject(role), "IT " + role, role, null));
    }

    /** A request with the token of the role's test caller (not for agents: see {@link #agent}). */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(tokenOf(role));
    }

    /** A request with the token of {@code subject} in {@code role}. */
    public static RequestSpecification as(String subject, String role) {
        return given().auth().oauth2(token(new Caller(subject, subject, role, null)));
    }

    /** A request with the token of the department's test agent. */
    public static RequestSpecification agent(String department) {
        return given().auth().oauth2(token(new Caller(agentSubject(department), "IT agent of " + department, AGENT,
                department)));
    }

    /** A request with no token at all. */
    public static RequestSpecification anonymous() {
        return given();
    }

    /** A token signed with another key: verification fails, as for a forged token. */
    public static String forged(String role) {
        return LocalTokens.inMemory().mint(new Caller(subject(role), null, role, null), Duration.ofHours(1));
    }

    /** A token of the right key that expired an hour ago. */
    public static String expired(String role) {
        return keys().mint(new Caller(subject(role), null, role, null), java.time.Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }
}
