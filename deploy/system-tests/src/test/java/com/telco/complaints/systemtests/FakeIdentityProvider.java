package com.telco.complaints.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.telco.complaints.deploy.infra.LocalTokens.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OIDC provider for the console's single sign-on, as the system tests need one: its person is already logged in,
 * so {@code GET /authorize} answers at once with a code (authorization code flow with PKCE, a public client), and
 * {@code POST /token} exchanges that code, once, for a real token of the suite (signed with its local key pair, like
 * {@link Doors}' tokens) of {@link #PERSON}. {@code GET /logout} ends the session and leads back. Everything the flow
 * must carry is checked; anything wrong answers 400 with a JSON error, so a wrong flow fails visibly. What happened is
 * recorded for the scenario to assert on. Plain HTTP on 127.0.0.1, a free port; started before the suite (analytics
 * learns its endpoints from {@code console.oidc.*}), told the console's URL and how to mint tokens once the suite is
 * built.
 */
final class FakeIdentityProvider implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeIdentityProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String CLIENT_ID = "complaints-console";
    static final String SCOPE = "openid profile";
    /** The person logged in at the provider: an operator. */
    static final Caller PERSON = new Caller("sso.operator", "单点登录运营", "operator", null);
    static final int EXPIRES_IN = 3600;

    /** A {@code GET /authorize} that was answered with a code. */
    record Authorization(String code, String clientId, String redirectUri, String scope, String state,
                         String challenge) {
    }

    /** A {@code POST /token} that was answered with tokens: the code's verifier matched its challenge. */
    record Exchange(String code, String verifier, String origin, String accessToken, String idToken) {
    }

    /** A {@code GET /logout}. */
    record Logout(String idTokenHint, String postLogoutRedirectUri, String clientId) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Authorization> pending = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<Logout> logouts = new CopyOnWriteArrayList<>();
    /** Every request refused, with why: none in a correct flow. */
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile String consoleUrl;
    private volatile Function<Caller, String> minter;

    private FakeIdentityProvider(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeIdentityProvider start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "fake-identity-provider");
            thread.setDaemon(true);
            return thread;
        });
        FakeIdentityProvider provider = new FakeIdentityProvider(server, executor);
        server.createContext("/authorize", provider.guarded(provider::authorize));
        server.createContext("/token", provider.guarded(provider::token));
        server.createContext("/logout", provider.guarded(provider::logout));
        server.setExecutor(executor);
        server.start();
        LOG.info("system tests: fake identity provider at {}", provider.base());
        return provider;
    }

    /** Where the console must send the person back to (its own URL, origin + /console/), and how tokens are minted. */
    void serve(String consoleUrl, Function<Caller, String> minter) {
        this.consoleUrl = consoleUrl;
        this.minter = minter;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** analytics' settings of the console's login at this provider. */
    Map<String, String> consoleSettings() {
        return Map.of(
                "console.oidc.authorization-endpoint", base() + "/authorize",
                "console.oidc.token-endpoint", base() + "/token",
                "console.oidc.client-id", CLIENT_ID,
                "console.oidc.scope", SCOPE,
                "console.oidc.logout-endpoint", base() + "/logout");
    }

    List<Authorization> authorizations() {
        return List.copyOf(authorizations);
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    List<Logout> logouts() {
        return List.copyOf(logouts);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the endpoints ----

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A refusal answers 400 with {error, error_description}, and is recorded. */
    private static final class Refused extends RuntimeException {
        final String error;

        Refused(String error, String description) {
            super(description);
            this.error = error;
        }
    }

    private com.sun.net.httpserver.HttpHandler guarded(Handler handler) {
        return exchange -> {
            try (exchange) {
                try {
                    handler.handle(exchange);
                } catch (Refused e) {
                    String what = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": "
                            + e.error + " (" + e.getMessage() + ")";
                    refusals.add(what);
                    LOG.warn("fake identity provider refused {}", what);
                    json(exchange, 400, Map.of("error", e.error, "error_description", e.getMessage()));
                } catch (RuntimeException e) {
                    refusals.add(exchange.getRequestURI().getPath() + ": " + e);
                    LOG.warn("fake identity provider failed", e);
                    json(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
                }
            }
        };
    }

    private void authorize(HttpExchange exchange) throws IOException {
        require("GET".equals(exchange.getRequestMethod()), "invalid_request", "method " + exchange.getRequestMethod());
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        require("code".equals(query.get("response_type")), "unsupported_response_type",
                "response_type " + query.get("response_type"));
        require(CLIENT_ID.equals(query.get("client_id")), "unauthorized_client", "client_id " + query.get("client_id"));
        require(consoleUrl != null && consoleUrl.equals(query.get("redirect_uri")), "invalid_request",
                "redirect_uri " + query.get("redirect_uri") + ", expected " + consoleUrl);
        require("S256".equals(query.get("code_challenge_method")), "invalid_request",
                "code_challenge_method " + query.get("code_challenge_method"));
        String challenge = query.get("code_challenge");
        require(challenge != null && challenge.matches("[A-Za-z0-9_-]{43}"), "invalid_request",
                "code_challenge " + challenge);
        String state = query.get("state");
        require(state != null && !state.isBlank(), "invalid_request", "no state");
        String scope = query.get("scope");
        require(scope != null && List.of(scope.split(" ")).contains("openid"), "invalid_scope", "scope " + scope);

        String code = random(32);
        Authorization authorization = new Authorization(code, CLIENT_ID, query.get("redirect_uri"), scope, state,
                challenge);
        pending.put(code, authorization);
        authorizations.add(authorization);
        String location = authorization.redirectUri() + "?code=" + encode(code) + "&state=" + encode(state);
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        require("POST".equals(exchange.getRequestMethod()), "invalid_request", "method " + exchange.getRequestMethod());
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        require(type != null && type.startsWith("application/x-www-form-urlencoded"), "invalid_request",
                "Content-Type " + type);
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        require("authorization_code".equals(form.get("grant_type")), "unsupported_grant_type",
                "grant_type " + form.get("grant_type"));
        String code = form.get("code");
        Authorization authorization = code == null ? null : pending.remove(code); // once only
        require(authorization != null, "invalid_grant", "unknown or used code " + code);
        require(authorization.redirectUri().equals(form.get("redirect_uri")), "invalid_grant",
                "redirect_uri " + form.get("redirect_uri") + ", authorized " + authorization.redirectUri());
        require(authorization.clientId().equals(form.get("client_id")), "invalid_client",
                "client_id " + form.get("client_id"));
        String verifier = form.get("code_verifier");
        require(verifier != null && verifier.matches("[A-Za-z0-9._~-]{43,128}"), "invalid_grant",
                "code_verifier " + verifier);
        require(s256(verifier).equals(authorization.challenge()), "invalid_grant",
                "BASE64URL(SHA-256(code_verifier)) is not the code_challenge");
        Function<Caller, String> mint = minter;
        require(mint != null, "server_error", "no suite to mint tokens with yet");

        String accessToken = mint.apply(PERSON);
        String idToken = mint.apply(PERSON);
        exchanges.add(new Exchange(code, verifier, origin, accessToken, idToken));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", EXPIRES_IN);
        answer.put("id_token", idToken);
        answer.put("scope", authorization.scope());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, answer);
    }

    private void logout(HttpExchange exchange) throws IOException {
        require("GET".equals(exchange.getRequestMethod()), "invalid_request", "method " + exchange.getRequestMethod());
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.get("post_logout_redirect_uri");
        require(consoleUrl != null && consoleUrl.equals(redirect), "invalid_request",
                "post_logout_redirect_uri " + redirect + ", expected " + consoleUrl);
        logouts.add(new Logout(query.get("id_token_hint"), redirect, query.get("client_id")));
        exchange.getResponseHeaders().set("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
    }

    // ---- helpers ----

    private static void require(boolean condition, String error, String description) {
        if (!condition) {
            throw new Refused(error, description);
        }
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A query string or form body; a name given twice is refused (RFC 6749 3.1). */
    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            require(values.put(name, value) == null, "invalid_request", name + " given twice");
        }
        return values;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The origin of a URL, as a browser sends it in {@code Origin}. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
