package jp.tsunagu.system;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Chromium, Debian's, driven through its own ChromeDriver (both installed by
 * {@code clients/install-chromium.sh}; {@code TSUNAGU_CHROMIUM} and {@code TSUNAGU_CHROMEDRIVER}
 * name others). Nothing is downloaded: the paths are given, so Selenium Manager is never asked. A
 * new empty profile each time; no background networking, which the closed network would refuse.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        String chromium = setting("TSUNAGU_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = setting("TSUNAGU_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("tsunagu-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=ja");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement element(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    void click(By by) {
        until(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() && element.isEnabled() ? element : null;
        }).click();
    }

    void type(By by, String text) {
        WebElement field = element(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the element's text is the expected one; else fails with what it is, and the page's error line. */
    void awaitText(By by, String expected) {
        new WebDriverWait(driver, WAIT).withMessage(() -> by + " is '" + driver.findElement(by).getText()
                        + "', not '" + expected + "'; the page's error: '" + driver.findElement(By.id("error")).getText() + "'")
                .until(d -> expected.equals(d.findElement(by).getText()));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** What the page wrote to its console: in a failure's message, where the page's own errors show. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a profile left in the temporary folder is harmless
        }
    }
}
