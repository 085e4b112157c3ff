package com.telco.complaints.testsupport;

import io.restassured.response.Response;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser sees of a service's CORS answers (the library's defaults, {@code quarkus.http.cors.*}): the
 * web console, served by analytics on the origins of {@code complaints.console.origins}, calls every service's doors
 * with a bearer token. A test checks a door of its own service with these, over real HTTP.
 */
public final class Cors {

    /** Origins of the console by default (analytics on 8085): listed in {@code complaints.console.origins}. */
    public static final String CONSOLE = "http://127.0.0.1:8085";
    public static final String CONSOLE_BY_NAME = "http://localhost:8085";
    /** An origin nobody listed. */
    public static final String STRANGER = "http://evil.example:8085";

    private Cors() {}

    /**
     * The browser's preflight before {@code method path} with a bearer token (and, for a body, its content type and
     * an idempotency key): no token of its own, as browsers send it.
     */
    public static Response preflight(String origin, String method, String path) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,accept-language")
                .options(path);
    }

    /** The preflight is answered 200 for {@code origin}, allowing the method, the headers and an hour's caching. */
    public static void assertPreflightAllowed(String origin, String method, String path) {
        Response answer = preflight(origin, method, path);
        assertThat(answer.statusCode()).as("preflight of %s %s from %s", method, path, origin).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(list(answer.header("Access-Control-Allow-Methods")))
                .contains("get", "post", "put", "delete", "options");
        assertThat(list(answer.header("Access-Control-Allow-Headers")))
                .contains("authorization", "content-type", "accept", "accept-language", "idempotency-key");
        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("3600");
        // A bearer token, never cookies: no credentials across origins.
        assertThat(answer.header("Access-Control-Allow-Credentials")).isIn(null, "false");
    }

    /**
     * A preflight from an origin not listed is refused: 403 without {@code Access-Control-Allow-Origin}, so the
     * browser does not send the request (Quarkus still lists the methods it allows).
     */
    public static void assertPreflightRefused(String origin, String method, String path) {
        Response answer = preflight(origin, method, path);
        assertThat(answer.statusCode()).as("preflight of %s %s from %s", method, path, origin).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    /**
     * The actual request of the console (GET with the role's token, from {@code origin}): the door's own answer
     * with the origin allowed and the headers the console reads exposed.
     */
    public static Response assertRequestAllowed(String origin, String role, String path, int status) {
        Response answer = Callers.as(role).header("Origin", origin).get(path);
        assertThat(answer.statusCode()).as("GET %s from %s", path, origin).isEqualTo(status);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(list(answer.header("Access-Control-Expose-Headers")))
                .contains("location", "retry-after", "x-total-count", "content-disposition");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isIn(null, "false");
        return answer;
    }

    /** The same request from an origin not listed: refused with 403 before the door, without CORS headers. */
    public static void assertRequestRefused(String origin, String role, String path) {
        Response answer = Callers.as(role).header("Origin", origin).get(path);
        assertThat(answer.statusCode()).as("GET %s from %s", path, origin).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    private static List<String> list(String header) {
        assertThat(header).isNotNull();
        // Names compared without case, as HTTP does.
        return Arrays.stream(header.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }
}
