package org.openreturns.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, with a profile of its own that is removed on close.
 * Both paths are given explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Makes the page run in this time zone (an IANA id such as {@code Asia/Kolkata}), as a person's browser there. */
    void useTimeZone(String zoneId) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
    }

    /** Starts the browser; fails, naming the packages to install, when Chromium or its driver is missing. */
    static HeadlessChromium start() {
        for (Path executable : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: the Tasklist browser test needs Debian's "
                        + "Chromium and its driver (apt-get install chromium chromium-driver)");
            }
        }
        Path profile = newProfileDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                // Nothing but the application under test: no updates, sync or other calls home.
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                // Tall enough for a whole task form, so no click lands on Tasklist's fixed footer.
                "--window-size=1400,2000");
        // Keeps the page's console (script errors, refused requests) for the screenshot of a failed test.
        LoggingPreferences consoleLog = new LoggingPreferences();
        consoleLog.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, consoleLog);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new HeadlessChromium(new ChromeDriver(driver, options), profile);
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static Path newProfileDirectory() {
        try {
            return Files.createTempDirectory("tasklist-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
