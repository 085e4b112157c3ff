package com.telco.complaints.systemtests;

import com.telco.complaints.deploy.suite.Service;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 12, the console's single sign-on in a real browser: at the sign-in page a person presses the provider's
 * button, the {@link FakeIdentityProvider} (where they are already logged in) sends them back with a code, the page
 * exchanges it (authorization code with PKCE, a public client, cross-origin under the console's Content-Security-
 * Policy) and lands on the operator's dashboard with the provider's token in session storage only; signing out ends
 * the provider's session too and leads back to the console's sign-in page.
 */
@ExtendWith(RunningSuite.class)
@Order(12)
class ConsoleSignOnSystemIT {

    private static final String ID_TOKEN_KEY = "complaints.console.id-token";
    private static final String PKCE_KEY = "complaints.console.pkce";

    private final FakeIdentityProvider provider;
    private final String console;
    private final String consoleOrigin;

    ConsoleSignOnSystemIT(SystemUnderTest system) {
        this.provider = system.identityProvider();
        this.console = system.suite().baseUri(Service.ANALYTICS) + "/console/";
        this.consoleOrigin = FakeIdentityProvider.originOf(console);
    }

    @Test
    void anOperatorSignsInAtTheProviderLandsOnTheDashboardAndSignsOutOfBoth(TestInfo test) throws Exception {
        String csp = contentSecurityPolicy();
        assertThat(directive(csp, "connect-src")).as("the console's connect-src, of " + csp)
                .contains(FakeIdentityProvider.originOf(provider.base()));

        int authorizationsBefore = provider.authorizations().size();
        int exchangesBefore = provider.exchanges().size();
        int logoutsBefore = provider.logouts().size();
        try (Browser browser = Browser.start()) {
            browser.explainFailure(test, () -> {
                browser.open(console + "#/signin");
                browser.awaitReady("signin");
                WebElement button = browser.awaitVisible("#sign-in-sso");
                assertThat(button.getText()).as("the provider's button").isNotBlank();
                assertThat(browser.exists("textarea#token")).as("a token can still be pasted").isTrue();
                browser.screenshot("signin-sso");

                browser.click("#sign-in-sso");
                WebElement whoami = browser.await("signed in at the provider", Browser.READY, d -> {
                    WebElement error = browser.first("#sign-in-error");
                    if (error != null && error.isDisplayed() && !error.getText().isBlank()) {
                        throw new AssertionError("the console's single sign-on failed: " + error.getText()
                                + "; the provider refused " + provider.refusals());
                    }
                    WebElement shown = browser.first("#whoami");
                    return shown != null && shown.isDisplayed()
                            && FakeIdentityProvider.PERSON.subject().equals(shown.getAttribute("data-subject"))
                            ? shown : null;
                });
                browser.awaitReady("dashboard");
                assertThat(whoami.getAttribute("data-role")).isEqualTo("operator");
                assertThat(browser.exists("a[data-nav='dashboard']")).isTrue();
                browser.screenshot("dashboard-sso");

                // What the provider saw: one authorization, one exchange of its code whose verifier matched.
                assertThat(provider.refusals()).as("requests the provider refused").isEmpty();
                List<FakeIdentityProvider.Authorization> authorizations =
                        provider.authorizations().subList(authorizationsBefore, provider.authorizations().size());
                List<FakeIdentityProvider.Exchange> exchanges =
                        provider.exchanges().subList(exchangesBefore, provider.exchanges().size());
                assertThat(authorizations).as("authorizations").hasSize(1);
                assertThat(exchanges).as("token exchanges").hasSize(1);
                FakeIdentityProvider.Authorization authorization = authorizations.get(0);
                FakeIdentityProvider.Exchange exchange = exchanges.get(0);
                assertThat(authorization.redirectUri()).isEqualTo(console);
                assertThat(authorization.clientId()).isEqualTo(FakeIdentityProvider.CLIENT_ID);
                assertThat(authorization.scope()).isEqualTo(FakeIdentityProvider.SCOPE);
                assertThat(exchange.code()).isEqualTo(authorization.code());
                assertThat(FakeIdentityProvider.s256(exchange.verifier())).as("S256 of the verifier")
                        .isEqualTo(authorization.challenge());
                assertThat(exchange.origin()).as("the exchange came from the console's page, cross-origin")
                        .isEqualTo(consoleOrigin);

                // The token in this tab's session storage only; the PKCE secret gone; no code left in the address.
                assertThat(browser.sessionItem(Browser.TOKEN_KEY)).isEqualTo(exchange.accessToken());
                assertThat(browser.sessionItem(ID_TOKEN_KEY)).isEqualTo(exchange.idToken());
                assertThat(browser.sessionItem(PKCE_KEY)).as("the verifier after the exchange").isNull();
                assertThat(browser.localStorageAndCookies()).as("local storage and cookies")
                        .doesNotContain(exchange.accessToken()).doesNotContain(exchange.idToken())
                        .doesNotContain(exchange.verifier());
                assertThat(browser.currentUrl()).as("the address after the exchange")
                        .startsWith(console).doesNotContain("code=").doesNotContain("state=").endsWith("#/dashboard");
                assertThat(securityViolations(browser)).as("Content-Security-Policy violations").isEmpty();

                // The code is good once only.
                HttpResponse<String> replay = exchangeAgain(exchange, authorization);
                assertThat(replay.statusCode()).as("the code exchanged a second time: " + replay.body()).isEqualTo(400);
                assertThat(replay.body()).contains("invalid_grant");

                // Signing out ends the provider's session too and comes back to the console's sign-in.
                browser.click("#sign-out");
                browser.await("back at the console's sign-in", Browser.READY, d ->
                        provider.logouts().size() > logoutsBefore && browser.currentUrl().startsWith(console)
                                && browser.first("#page[data-ready='true'][data-route='signin']") != null ? true : null);
                List<FakeIdentityProvider.Logout> logouts =
                        provider.logouts().subList(logoutsBefore, provider.logouts().size());
                assertThat(logouts).as("logouts at the provider").hasSize(1);
                assertThat(logouts.get(0).idTokenHint()).as("id_token_hint").isEqualTo(exchange.idToken());
                assertThat(logouts.get(0).postLogoutRedirectUri()).isEqualTo(console);
                assertThat(logouts.get(0).clientId()).isEqualTo(FakeIdentityProvider.CLIENT_ID);
                assertThat(browser.currentUrl()).endsWith("#/signin");
                WebElement after = browser.first("#whoami");
                assertThat(after == null || !after.isDisplayed()).as("nobody shown signed in").isTrue();
                assertThat(browser.sessionItem(Browser.TOKEN_KEY)).isNull();
                assertThat(browser.sessionItem(ID_TOKEN_KEY)).isNull();
                assertThat(browser.exists("#sign-in-sso")).isTrue();
                assertThat(provider.exchanges()).as("no further exchange").hasSize(exchangesBefore + 1);

                assertThat(browser.foreignResources()).as("what the pages loaded from outside the suite").isEmpty();
            });
        }
    }

    /** The Content-Security-Policy analytics sends with the console's page. */
    private String contentSecurityPolicy() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(console)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.headers().firstValue("Content-Security-Policy").orElseThrow(
                () -> new AssertionError("the console's page has no Content-Security-Policy"));
    }

    private static List<String> directive(String policy, String name) {
        for (String part : policy.split(";")) {
            List<String> words = List.of(part.trim().split("\\s+"));
            if (!words.isEmpty() && words.get(0).equals(name)) {
                return words.subList(1, words.size());
            }
        }
        return List.of();
    }

    /** What the browser's console said about the Content-Security-Policy so far. */
    private static List<String> securityViolations(Browser browser) {
        String log = browser.browserLog();
        return log.lines().filter(line -> line.contains("Content Security Policy") || line.contains("Content-Security-Policy"))
                .collect(Collectors.toList());
    }

    /** POST /token once more with the same code and verifier, as the page did. */
    private HttpResponse<String> exchangeAgain(FakeIdentityProvider.Exchange exchange,
                                               FakeIdentityProvider.Authorization authorization) {
        String body = Map.of("grant_type", "authorization_code", "code", exchange.code(),
                        "redirect_uri", authorization.redirectUri(), "client_id", authorization.clientId(),
                        "code_verifier", exchange.verifier()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.base() + "/token"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
