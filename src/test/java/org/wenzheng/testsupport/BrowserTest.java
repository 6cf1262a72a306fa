package org.wenzheng.testsupport;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test shares: one headless Chromium per test class, opened before the class's own set-up and
 * quit after its last test, and the waits. The CI machine has two cores shared with PostgreSQL and Payara, so the
 * waits are generous; a wait that succeeds returns at once.
 */
public abstract class BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    /**
     * Polls until the condition holds. An element found during a navigation or an Ajax update (a full-page postback
     * such as the language switch, a message list replaced) can leave the document between being found and being
     * read: Selenium then says the element is stale, or ChromeDriver that the node "does not belong to the
     * document". That poll is retried, not failed; any other error fails at once.
     */
    protected static <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /**
     * The text of an element once it contains {@code expected}, located afresh on every poll. An Ajax update
     * replaces elements (a field's message exists, empty, before the save), so holding one found earlier goes stale.
     */
    protected static String awaitText(By locator, String expected) {
        wait(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return browser.findElement(locator).getText();
    }
}
