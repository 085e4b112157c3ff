package com.telco.complaints.systemtests;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser harness itself, without the suite: Debian's chromium through its driver, against a stand-in page
 * (src/test/resources/browser-check) served on 127.0.0.1 with the console's sign-in and ready markers. Fails, like
 * the console's scenario, when chromium or chromium-driver is missing.
 */
class BrowserTest {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serveTheStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/check/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/check/".length());
            name = name.isEmpty() ? "index.html" : name;
            try (InputStream in = BrowserTest.class.getResourceAsStream("/browser-check/" + name);
                 OutputStream out = exchange.getResponseBody()) {
                if (in == null || name.contains("..")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type",
                        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/check/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void signsInWithATokenAwaitsAPageReadyTakesScreenshotsAtBothWidthsAndSignsOut() throws IOException {
        String token = jwt("st-browser-check");
        try (Browser browser = Browser.start()) {
            browser.open(base + "#/signin");
            browser.awaitReady("signin");
            assertThat(browser.script("return navigator.language;")).isEqualTo("zh-CN");

            browser.signIn(token);
            browser.awaitReady("queue");
            assertThat(browser.attribute("#queue-table tr[data-complaint-id='c-1']", "data-dispatch-id")).isEqualTo("d-1");
            assertThat(browser.text("#whoami")).isEqualTo("st-browser-check");
            assertThat(browser.sessionItem(Browser.TOKEN_KEY)).isEqualTo(token);
            assertThat(browser.localStorageAndCookies()).doesNotContain(token);

            assertThat(size(browser.screenshot("browser-check"))).isEqualTo("1280x800");
            assertThat(size(browser.phoneScreenshot("browser-check-phone"))).isEqualTo("390x844");
            assertThat(browser.script("return window.innerWidth;")).isEqualTo(1280L);

            browser.signOut();
            browser.awaitReady("signin");
            assertThat(browser.resources()).contains(base + "check.js", base + "check.css");
            assertThat(browser.foreignResources()).isEmpty();
        }
    }

    @Test
    void anEnglishBrowserSaysSo() {
        try (Browser browser = Browser.start(Browser.Language.EN)) {
            browser.open(base);
            browser.awaitReady("signin");
            assertThat(browser.script("return navigator.language;")).isEqualTo("en-US");
        }
    }

    @Test
    void onlyTheLoopbackIsLocal() {
        assertThat(Browser.local("http://127.0.0.1:8084/console/app.js")).isTrue();
        assertThat(Browser.local("http://localhost:8081/complaints")).isTrue();
        assertThat(Browser.local("https://cdn.jsdelivr.net/npm/chart.js")).isFalse();
        assertThat(Browser.local("http://127.0.0.2/x.png")).isFalse();
    }

    private static String size(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getWidth() + "x" + image.getHeight();
    }

    /** An unsigned token with only a subject: the stand-in reads it, nothing verifies it. */
    private static String jwt(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
