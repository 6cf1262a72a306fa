package org.wenzheng.testsupport;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium through its own chromedriver; both paths are given so that Selenium never tries to
 * download a browser or a driver (the machines have no internet).
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        String chromium = System.getProperty("wz.test.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("wz.test.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and its driver (" + chromium + ", "
                    + driver + "): apt-get install chromium chromium-driver fonts-noto-cjk, or run .ci/run.");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory(Path.of(System.getProperty("wz.test.buildDir", "target")),
                    "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver))
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }
}
