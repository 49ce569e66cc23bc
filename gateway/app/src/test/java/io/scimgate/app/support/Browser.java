package io.scimgate.app.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver} packages) driven by Selenium, for the
 * admin portal's browser tests. Each instance has a fresh profile (no cookies); waits are explicit, never sleeps.
 * Without the two executables the tests fail and say how to install them: they never skip.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Dimension VIEWPORT = new Dimension(1280, 800);

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** A new browser (fresh profile) whose relative URLs resolve against {@code baseUrl}. */
  public static Browser open(String baseUrl) {
    requireExecutable(CHROMIUM);
    requireExecutable(CHROMEDRIVER);
    Path profile;
    try {
      profile = Files.createTempDirectory("scimgate-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    Browser browser = new Browser(new ChromeDriver(service, options), profile, baseUrl);
    browser.fitViewport();
    return browser;
  }

  /** --window-size counts the window's frame: grow the window until the page itself gets 1280x800. */
  private void fitViewport() {
    Number frameWidth = (Number) script("return window.outerWidth - window.innerWidth");
    Number frameHeight = (Number) script("return window.outerHeight - window.innerHeight");
    driver.manage().window().setSize(new Dimension(VIEWPORT.getWidth() + frameWidth.intValue(),
        VIEWPORT.getHeight() + frameHeight.intValue()));
  }

  private static void requireExecutable(Path path) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(path + " is missing: the admin portal's browser tests need Debian's chromium "
          + "and chromium-driver packages (apt-get update && apt-get install -y chromium chromium-driver; "
          + ".ci/run installs them)");
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code pathOrUrl} (a path is relative to the gateway). */
  public Browser go(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    return this;
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Waits until the condition holds (a non-null, non-false answer) and returns its answer. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  /** The first visible element matching {@code by}, once there is one. */
  public WebElement find(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** The visible element with {@code data-testid}. */
  public WebElement testId(String id) {
    return find(By.cssSelector("[data-testid='" + id + "']"));
  }

  /** Waits until the page's main area shows {@code text}; the main element. */
  public WebElement waitForText(String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), text));
    return driver.findElement(By.id("main"));
  }

  /** The main area's text (after the screen rendered something). */
  public String mainText() {
    return driver.findElement(By.id("main")).getText();
  }

  /** The control whose {@code <label>} reads exactly {@code labelText} (via label[for]). */
  public WebElement field(String labelText) {
    WebElement label = find(By.xpath("//label[normalize-space(.)=" + xpathLiteral(labelText) + "]"));
    return driver.findElement(By.id(label.getAttribute("for")));
  }

  /** Clicks the (clickable) button or link whose visible text is exactly {@code text}. */
  public void click(String text) {
    until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[self::button or self::a][normalize-space(.)=" + xpathLiteral(text) + "]"))).click();
  }

  /** Replaces the text of the field labelled {@code labelText}. */
  public void type(String labelText, String text) {
    WebElement input = field(labelText);
    input.clear();
    input.sendKeys(text);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public void deleteCookies() {
    driver.manage().deleteAllCookies();
  }

  /** Console messages since the last call that report a Content-Security-Policy violation (inline code, CDNs). */
  public List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy")).toList();
  }

  /** Saves a PNG of the window under gateway/app/target/screenshots/{name}.png. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File png = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png");
      Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** XPath string literal for any text (concat() when it holds both quote kinds). */
  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "',\"'\",'") + "')";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
