package org.internationale.testing;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium through its chromedriver, started as this machine allows it: no sandbox as root, and
 * none of the background connections a closed network refuses by the dozen.
 */
public final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** @param acceptLanguages the browser's languages ({@code navigator.languages}, {@code Accept-Language}), e.g. "es-MX,es" */
    public static WebDriver start(String acceptLanguages, String... arguments) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            fail("The browser tests need Debian's Chromium and its driver at " + BINARY + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run installs them when missing)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic");
        options.addArguments(arguments);
        if (acceptLanguages != null) {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        }
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return browser;
    }
}
