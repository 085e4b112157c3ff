package com.telco.complaints.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's headless {@code chromium} driven through its {@code chromium-driver}, for the console's browser tests
 * (the DOM they rely on is the console's contract: {@code #page[data-ready][data-route]}, {@code #whoami}, …).
 * The binary and the driver are named explicitly, so Selenium Manager never looks for, let alone downloads, a
 * browser; each browser has a fresh profile under {@code target/} and a 1280×800 window. Missing, they fail the
 * test with what to install: CI installs them ({@code .ci/run}), never a silent skip.
 */
final class Browser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path PROFILES = Path.of("target", "chromium");

    /** The viewport of every page (the window is a little larger: chromium keeps some of it). */
    static final Dimension DESKTOP = new Dimension(1280, 800);
    /** The viewport of {@link #phoneScreenshot}: a phone's width. */
    static final Dimension PHONE = new Dimension(390, 844);
    /** How long a page may take to load its data, on two busy cores. */
    static final Duration READY = Duration.ofSeconds(30);

    /** The session storage key the console keeps the token under (its only place). */
    static final String TOKEN_KEY = "complaints.console.token";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Selenium warns when Debian's chromium is of another version than the DevTools bindings it ships; these tests
     * use none of them (held here, since java.util.logging keeps loggers only weakly).
     */
    private static final java.util.logging.Logger CDP_VERSIONS =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSIONS.setLevel(Level.SEVERE);
    }

    /** The browser's language: its {@code --lang} and {@code Accept-Language}. */
    enum Language {
        ZH("zh-CN", "zh-CN,zh"),
        EN("en-US", "en-US,en");

        final String locale;
        final String acceptLanguages;

        Language(String locale, String acceptLanguages) {
            this.locale = locale;
            this.acceptLanguages = acceptLanguages;
        }
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Set<String> resources = new LinkedHashSet<>();

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A Chinese browser (the console's default language). */
    static Browser start() {
        return start(Language.ZH);
    }

    static Browser start(Language language) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver, "
                        + "and " + executable + " is missing: install them with `apt-get install chromium "
                        + "chromium-driver` (.ci/run does when they are missing).");
            }
        }
        // Selenium Manager only runs when the driver or the browser is not named; were it ever asked, offline.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = PROFILES.resolve("profile-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(profile);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--lang=" + language.locale);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.acceptLanguages));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolveSibling(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw new IllegalStateException("chromium did not start through " + CHROMEDRIVER + ": " + e.getMessage(), e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(service, driver, profile);
        browser.resize(DESKTOP);
        LOG.info("browser: {} ({}), profile {}", driver.getCapabilities().getBrowserVersion(), language.locale, profile);
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    // ---- navigation ----

    /** Loads {@code url} (a new document unless only its fragment differs from the page shown). */
    void open(String url) {
        collectResources();
        driver.get(url);
        roomForResources();
    }

    /** The browser keeps 250 resource timings by default: room for every one a long scenario loads. */
    private void roomForResources() {
        script("performance.setResourceTimingBufferSize(100000);");
    }

    /** Goes to a hash route of the page shown, e.g. {@code route("/queue")}, without reloading it. */
    void route(String hashRoute) {
        script("location.hash = arguments[0];", "#" + hashRoute);
    }

    /** Reloads the page (the console keeps its token in session storage, which a reload keeps). */
    void reload() {
        collectResources();
        driver.navigate().refresh();
        roomForResources();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits (bounded) until {@code #page} says the route {@code route} has loaded its data; returns {@code #page}. */
    WebElement awaitReady(String route) {
        return awaitReady(route, READY);
    }

    WebElement awaitReady(String route, Duration timeout) {
        String selector = "#page[data-ready='true'][data-route='" + route + "']";
        return await("route " + route + " ready", timeout, d -> first(selector));
    }

    // ---- signing in and out, as the console's sign-in page asks ----

    /**
     * Signs in with a bearer token at {@code #/signin} of the page shown (open the console first): pastes it into
     * {@code textarea#token}, presses {@code button#sign-in} and waits until {@code #whoami} shows the token's
     * subject. Fails at once with the console's words when {@code #sign-in-error} shows.
     */
    void signIn(String token) {
        String subject = subjectOf(token);
        route("/signin");
        WebElement field = awaitVisible("textarea#token");
        field.clear();
        // The token is long: set at once, announced as typed input, rather than key by key.
        script("const t = arguments[0]; t.value = arguments[1];"
                + " t.dispatchEvent(new Event('input', {bubbles: true})); t.dispatchEvent(new Event('change', {bubbles: true}));",
                field, token);
        click("button#sign-in");
        await("signed in as " + subject, READY, d -> {
            WebElement error = first("#sign-in-error");
            if (error != null && error.isDisplayed() && !error.getText().isBlank()) {
                throw new AssertionError("the console refused the token of " + subject + ": " + error.getText());
            }
            WebElement whoami = first("#whoami");
            return whoami != null && whoami.isDisplayed() && subject.equals(whoami.getAttribute("data-subject"))
                    ? whoami : null;
        });
    }

    /** Presses {@code #sign-out} and waits until nobody is shown signed in and the session holds no token. */
    void signOut() {
        click("#sign-out");
        await("signed out", READY, d -> {
            WebElement whoami = first("#whoami");
            boolean shown = whoami != null && whoami.isDisplayed();
            return !shown && sessionItem(TOKEN_KEY) == null ? Boolean.TRUE : null;
        });
    }

    /** The {@code sub} claim of a JWT, read without verifying it. */
    static String subjectOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sessionItem(String key) {
        return (String) script("return sessionStorage.getItem(arguments[0]);", key);
    }

    /** Every value in local storage, and the cookies: where the console must keep no token. */
    String localStorageAndCookies() {
        return (String) script("let s = document.cookie; for (let i = 0; i < localStorage.length; i++) {"
                + " s += '\\n' + localStorage.key(i) + '=' + localStorage.getItem(localStorage.key(i)); } return s;");
    }

    // ---- reading the page ----

    /** The first element matching {@code css}, or null. */
    WebElement first(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean exists(String css) {
        return first(css) != null;
    }

    /** Whether an element matches {@code css} and is displayed. */
    boolean visible(String css) {
        try {
            WebElement element = first(css);
            return element != null && element.isDisplayed();
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** The text of the element {@code css} (which must exist). */
    String text(String css) {
        return element(css).getText();
    }

    /** An attribute of the element {@code css} (which must exist); null when it has none. */
    String attribute(String css, String name) {
        return element(css).getAttribute(name);
    }

    WebElement element(String css) {
        WebElement element = first(css);
        if (element == null) {
            throw new NoSuchElementException("no " + css + " on " + driver.getCurrentUrl() + pageState());
        }
        return element;
    }

    /** Waits (bounded) until an element matches {@code css}. */
    WebElement await(String css) {
        return await(css, READY, d -> first(css));
    }

    /** Waits (bounded) until an element matching {@code css} is displayed. */
    WebElement awaitVisible(String css) {
        return await(css + " visible", READY, d -> {
            WebElement element = first(css);
            return element != null && element.isDisplayed() ? element : null;
        });
    }

    /**
     * Waits (at most {@code timeout}) until {@code condition} gives something other than null or false; stale
     * elements (the console re-rendered the page meanwhile) count as not yet. On timeout, says what the page showed.
     */
    <T> T await(String what, Duration timeout, Function<ChromeDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        try {
            return wait.until(d -> condition.apply(driver));
        } catch (TimeoutException e) {
            // Selenium's own message adds the build and capabilities: only what the page showed instead.
            throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + " on "
                    + driver.getCurrentUrl() + pageState() + browserLog(), e);
        }
    }

    /** What {@code #page} and {@code #page-error} say, for a failure's message. */
    String pageState() {
        try {
            Object state = script("const p = document.getElementById('page'), e = document.getElementById('page-error');"
                    + " return p ? ('; #page route=' + p.dataset.route + ' ready=' + p.dataset.ready"
                    + " + (e && !e.hidden && e.textContent.trim() ? '; #page-error: ' + e.textContent.trim() : ''))"
                    + " : '; no #page';");
            return String.valueOf(state);
        } catch (WebDriverException e) {
            return "; page state unreadable: " + e.getMessage();
        }
    }

    /** The browser console's messages so far (for a failure's message). */
    String browserLog() {
        try {
            List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
            return entries.isEmpty() ? "" : entries.stream().map(e -> e.getLevel() + " " + e.getMessage())
                    .collect(Collectors.joining("\n  ", "\nbrowser console:\n  ", ""));
        } catch (WebDriverException | UnsupportedOperationException e) {
            return "";
        }
    }

    // ---- acting ----

    void click(String css) {
        element(css).click();
    }

    /** Replaces the text of an input or textarea by typing it. */
    void type(String css, String text) {
        WebElement field = element(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Selects the option of value {@code value} in the select {@code css}. */
    void select(String css, String value) {
        new Select(element(css)).selectByValue(value);
    }

    void check(String css, boolean checked) {
        WebElement box = element(css);
        if (box.isSelected() != checked) {
            box.click();
        }
    }

    /** A yes/no field: a checkbox checked or not, or a select given the option {@code true} or {@code false}. */
    void answer(String css, boolean value) {
        if ("select".equals(element(css).getTagName())) {
            select(css, String.valueOf(value));
        } else {
            check(css, value);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs a scenario in this browser; when it fails, a screenshot of the page as it was ({@code failed-<test>.png}),
     * the page's state and the browser's console go with the failure.
     */
    void explainFailure(org.junit.jupiter.api.TestInfo test, Runnable scenario) {
        try {
            scenario.run();
        } catch (AssertionError | RuntimeException e) {
            String name = "failed-" + test.getTestMethod().map(m -> m.getName()).orElse("test");
            try {
                screenshot(name);
            } catch (RuntimeException screenshot) {
                e.addSuppressed(screenshot);
            }
            e.addSuppressed(new AssertionError("page " + currentUrl() + pageState() + browserLog()));
            throw e;
        }
    }

    // ---- screenshots ----

    /** The window as it is now, in {@code target/screenshots/<name>.png}; returns the file. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("browser: screenshot {}", file.toAbsolutePath());
        return file;
    }

    /**
     * The page at a phone's width (390×844): resizes the window, waits for the layout to follow, takes the
     * screenshot {@code <name>.png} and gives the window its 1280×800 back.
     */
    Path phoneScreenshot(String name) {
        resize(PHONE);
        try {
            return screenshot(name);
        } finally {
            resize(DESKTOP);
        }
    }

    /**
     * The whole page at the desktop's width, however long (at most 4000 pixels): the viewport grows to the page's
     * height for the screenshot {@code <name>.png}, then gets its 1280×800 back. For the README's pictures.
     */
    Path fullPageScreenshot(String name) {
        int height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight);")).intValue();
        resize(new Dimension(DESKTOP.getWidth(), Math.min(Math.max(height, DESKTOP.getHeight()), 4000)));
        try {
            return screenshot(name);
        } finally {
            resize(DESKTOP);
        }
    }

    /**
     * Gives the page a viewport of {@code size}: the window's size plus whatever chromium keeps of it for itself
     * (headless, it still reserves the height of a tool bar), measured and corrected once.
     */
    private void resize(Dimension size) {
        driver.manage().window().setSize(size);
        Dimension viewport = viewport();
        if (!viewport.equals(size)) {
            driver.manage().window().setSize(new Dimension(2 * size.getWidth() - viewport.getWidth(),
                    2 * size.getHeight() - viewport.getHeight()));
        }
        await("a viewport of " + size, READY, d -> size.equals(viewport()) ? Boolean.TRUE : null);
        // Two frames, so that whatever the resize re-laid out is painted.
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    /** The page's viewport (CSS pixels at a device scale of 1). */
    Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Number> wh = (List<Number>) script("return [window.innerWidth, window.innerHeight];");
        return new Dimension(wh.get(0).intValue(), wh.get(1).intValue());
    }

    // ---- what the pages loaded ----

    /**
     * The URL of every resource the pages shown so far loaded (scripts, styles, images, fonts, fetches), from the
     * browser's resource timing, including the page shown now.
     */
    Set<String> resources() {
        collectResources();
        return Set.copyOf(resources);
    }

    /** Of {@link #resources()}, those from a host other than 127.0.0.1 or localhost. */
    Set<String> foreignResources() {
        return resources().stream().filter(url -> !local(url)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static boolean local(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }

    @SuppressWarnings("unchecked")
    private void collectResources() {
        try {
            // Only a page of the web (not the browser's own new tab or about:blank); of it, what it fetched, not
            // what it carried inline (data:, blob:).
            Object urls = script("if (!/^https?:$/.test(location.protocol)) return [];"
                    + " return performance.getEntriesByType('navigation').map(e => e.name)"
                    + ".concat(performance.getEntriesByType('resource').map(e => e.name));");
            if (urls instanceof List<?> list) {
                list.stream().filter(Objects::nonNull).map(String::valueOf)
                        .filter(url -> !url.startsWith("data:") && !url.startsWith("blob:"))
                        .forEach(resources::add);
            }
        } catch (WebDriverException e) {
            // no page yet (about:blank before the first open)
        }
    }

    // ---- the end ----

    /** Quits chromium and its driver; the profile goes with them. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            LOG.warn("browser: quit failed: {}", e.getMessage());
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("browser: profile {} not deleted: {}", dir, e.getMessage());
        }
    }
}
