package org.wenzheng.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every browser test shares: one headless Chromium per test class, opened before the class's own set-up and
 * quit after its last test.
 */
public abstract class BrowserTest {

    protected static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
