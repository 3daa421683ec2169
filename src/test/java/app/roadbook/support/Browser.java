package app.roadbook.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium without
 * Selenium Manager: the binary and the driver are named explicitly, and nothing is downloaded.
 * <p>
 * A Chromium per test costs a browser start and a cold cache each time, so the browsers of a test JVM are kept in
 * a pool: a new
 * {@code Browser} takes an idle one (or starts one) and {@link #close()} gives it back. Every {@code Browser} starts
 * as a fresh profile would, for the app: one new tab, no cookies, no site storage (local storage, IndexedDB, service
 * workers, cache storage); only Chromium's HTTP cache of the app's static files is kept. The pool's browsers quit
 * when the JVM ends.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    /** Waits look again this often (Selenium's default is 500 ms, most of a short step). */
    static final Duration POLL = Duration.ofMillis(50);

    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    private final ChromeDriver driver;
    private final String baseUrl;
    private boolean closed;

    public Browser(int port) {
        baseUrl = "http://localhost:" + port;
        driver = takeOrStart();
        reset(driver, baseUrl);
    }

    private static synchronized ChromeDriver takeOrStart() {
        ChromeDriver idle = IDLE.poll();
        return idle != null ? idle : start();
    }

    private static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
                    + "(./roadbook test installs them); not found at " + CHROMIUM + " / " + CHROMEDRIVER);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("roadbook-chromium");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "quit-chromium"));
        return driver;
    }

    /**
     * What a fresh profile would show the app: a single new tab (no history, session storage or window name), no
     * cookies, and nothing stored for the app's origin.
     */
    private static void reset(ChromeDriver driver, String baseUrl) {
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        // A test may have made the window a phone; the next one starts at the desk size again.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand(
                "Storage.clearDataForOrigin",
                Map.of(
                        "origin",
                        baseUrl,
                        "storageTypes",
                        "cookies,local_storage,indexeddb,websql,file_systems,service_workers,cache_storage"));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30))
                    .pollingEvery(POLL)
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("missing");
            throw e;
        }
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            // Vaadin re-renders elements while the condition reads them; a stale one means "look again".
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .pollingEvery(POLL)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout");
            throw e;
        }
    }

    /** Saves what the browser shows to target/screenshots, for a failing test's report. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(name + "-" + System.currentTimeMillis() + ".png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException | RuntimeException ignored) {
            // A screenshot is a diagnostic; failing to take one must not hide the real failure.
        }
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public void signIn(String email, String password) {
        open("/login");
        waitFor(By.cssSelector("input[name='username']")).sendKeys(email);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    /** Types into the field labelled {@code label} (text, email, number or area). */
    public void fill(String label, String value) {
        WebElement input = waitFor(By.xpath(fieldPath(label) + "//input | " + fieldPath(label) + "//textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        input.sendKeys(Keys.TAB);
    }

    /** An XPath string literal for any text, apostrophes included. */
    static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** Vaadin fields put their label in a light-DOM {@code <label>} child. */
    private static String fieldPath(String label) {
        return "//label[normalize-space(.)='" + label + "']/..";
    }

    public void chooseInMultiSelect(String label, String item) {
        chooseInCombo(label, item);
    }

    public void chooseInCombo(String label, String item) {
        WebElement input = waitFor(By.xpath(fieldPath(label) + "//input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), item);
        WebElement option = waitFor(
                By.xpath("//*[self::vaadin-combo-box-item or self::vaadin-multi-select-combo-box-item][contains(., '"
                        + item + "')]"));
        option.click();
        input.sendKeys(Keys.TAB);
    }

    /** Scrolls the element to the middle of the window first, clear of the dev-mode toolbar in a corner. */
    public void press(By by) {
        WebElement element = waitFor(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * Opens the select and picks the item. The list may still be sliding into place (on a phone it opens as a sheet),
     * so a click that would land on a neighbouring item is refused by the driver and tried again.
     */
    public void chooseInSelect(String label, String item) {
        waitFor(By.xpath(fieldPath(label))).click();
        By option = By.xpath("//vaadin-select-item[normalize-space(.)=" + literal(item) + "]");
        waitUntil(d -> {
            try {
                waitFor(option).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException moving) {
                return false;
            }
        });
    }

    /**
     * Leaves the app, then forgets the session cookie: a page left open without its session would go to the
     * sign-in page on its next heartbeat, and could do so in the middle of the next page's load.
     */
    public void signOut() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Clicks the button once it is in the middle of the window: a long page (the show page gathers many sections)
     * may still be laying out below the fold, where a click can land on a neighbour; such a click is tried again.
     */
    public void click(String buttonText) {
        By button = By.xpath("//vaadin-button[normalize-space(.)=" + literal(buttonText) + "]");
        waitUntil(d -> {
            WebElement element = waitFor(button);
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    public void clickInDialog(String buttonText) {
        String text = literal(buttonText);
        waitFor(By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)=" + text + "] | "
                        + "//vaadin-dialog//vaadin-button[normalize-space(.)=" + text + "]"))
                .click();
    }

    /** Resizes the window: 390 x 844 is a phone, 1280 x 900 the default desktop. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** The width of the page's viewport, as the page sees it. */
    public long viewportWidth() {
        return ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
    }

    public String text(String css) {
        java.util.List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    /** Gives the browser back to the pool, signed out and emptied, for the next test. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reset(driver, baseUrl);
        } catch (RuntimeException e) {
            // A browser that cannot be emptied is not reused.
            driver.quit();
            return;
        }
        synchronized (Browser.class) {
            IDLE.push(driver);
        }
    }
}
