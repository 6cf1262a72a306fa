package org.wenzheng.board;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.wenzheng.board.BoardTestData.Msg;
import org.wenzheng.testsupport.Axe;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A citizen in a browser: the home page, the board with a filter and a search, a thread with its reply, and the
 * large-text mode remembered across reloads; axe-core finds no WCAG 2.1 A/AA violation on any of them.
 */
@ExtendWith(ArquillianExtension.class)
class BoardUiIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private static String marker;
    private static String unitName;
    private static long noisy;
    private static long helpId;

    @BeforeAll
    static void setUp() throws Exception {
        marker = BoardTestData.unique();
        try (Connection c = DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"))) {
            BoardTestData d = new BoardTestData(c);
            unitName = "界面测试局" + marker;
            long unit = d.unit(unitName);
            OffsetDateTime t = OffsetDateTime.now().minusDays(1);
            noisy = d.insert(new Msg("界面测试 夜间噪音扰民 " + marker).unit(unit).kind(MessageKind.COMPLAINT)
                    .posted(t).body("每天晚上十点以后广场舞音响很响。\n希望有关部门管一管。")
                    .status(MessageStatus.REPLIED).replied(t.plusHours(20)));
            d.reply(noisy, unit, "LEAD", "PUBLISHED", "经核查，已要求广场舞活动在晚上九点前结束。", t.plusHours(20));
            helpId = d.insert(new Msg("界面测试 求助 " + marker).unit(unit).kind(MessageKind.HELP)
                    .posted(t.plusHours(1)));
        }
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void theHomePageShowsTheLatestAndTheStatisticsAccessibly() {
        browser.get(base.toString());
        wait(ExpectedConditions.presenceOfElementLocated(By.id("hero-title")));
        WebElement stats = browser.findElement(By.cssSelector(".wz-stats"));
        assertTrue(stats.getText().contains("统计截至"));
        assertEquals("home-stats-title", stats.getAttribute("aria-labelledby"));
        assertEquals("办理统计", browser.findElement(By.id("home-stats-title")).getText());
        assertEquals(List.of("本月", "累计"), stats.findElements(By.cssSelector(".wz-stats__caption")).stream()
                .map(WebElement::getText).toList());
        assertEquals(List.of("受理留言", "已答复", "答复率", "按时答复率", "平均答复天数"),
                stats.findElements(By.cssSelector(".wz-stats__period:first-child dt")).stream()
                        .map(WebElement::getText).toList());
        assertEquals(10, stats.findElements(By.cssSelector("dd")).size());
        assertTrue(stats.findElement(By.cssSelector(".wz-stats__asof a")).getAttribute("href")
                .endsWith("/board/stats.xhtml"));
        assertFalse(browser.getPageSource().contains("???"));
        Axe.assertNoViolations(browser);

        // The checker itself works: an image without a text alternative is reported.
        browser.executeScript("const i = document.createElement('img'); i.src = 'x.png';"
                + " document.getElementById('main').appendChild(i);");
        assertTrue(Axe.check(browser).stream().anyMatch(v -> v.id().equals("image-alt")));
    }

    @Test
    void theStatisticsPageListsEachUnitAccessibly() {
        browser.get(base + "board/stats.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("units")));
        assertTrue(browser.findElement(By.cssSelector(".wz-stats__time")).getText().startsWith("统计截至"));
        assertFalse(browser.findElements(By.cssSelector("#units tbody tr")).isEmpty());
        assertFalse(browser.getPageSource().contains("???"));
        Axe.assertNoViolations(browser);
    }

    @Test
    void theBoardFiltersSearchesAndOpensAThread() {
        browser.get(base + "board/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("board-title")));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");
        assertTrue(browser.findElement(By.cssSelector("head link[rel=alternate][type='application/atom+xml']"))
                .getAttribute("href").endsWith("/api/v1/board/feed.atom"));
        Axe.assertNoViolations(browser);

        new Select(browser.findElement(By.id("unit"))).selectByVisibleText(unitName);
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("投诉");
        browser.findElement(By.id("apply")).click();
        wait(ExpectedConditions.urlContains("kind=COMPLAINT"));
        assertEquals(List.of(noisy), rowIds());
        assertEquals("投诉", new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getText(),
                "the form shows the filter in use");
        Axe.assertNoViolations(browser);

        // The filtered URL is bookmarkable: opening it again gives the same page.
        String bookmark = browser.getCurrentUrl();
        browser.get(bookmark);
        assertEquals(List.of(noisy), rowIds());

        new Select(browser.findElement(By.id("kind"))).selectByIndex(0);
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys("噪音");
        browser.findElement(By.id("apply")).click();
        // Wait for the new page itself: the previous URL already had an empty q=.
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("results-title"), "噪音"));
        assertEquals(List.of(noisy), rowIds(), "search within the unit");
        Axe.assertNoViolations(browser);

        browser.findElement(By.cssSelector("#results li[data-id='" + noisy + "'] a")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("thread-title")));
        assertTrue(browser.findElement(By.id("thread-title")).getText().contains("夜间噪音扰民"));
        assertEquals("网友", browser.findElement(By.id("author")).getText());
        WebElement reply = browser.findElement(By.cssSelector(".wz-reply"));
        assertTrue(reply.getText().contains(unitName + " 的答复"), reply.getText());
        assertTrue(reply.getText().contains("晚上九点前结束"));
        assertTrue(browser.findElement(By.id("body")).getText().contains("\n"), "line breaks are kept");
        Axe.assertNoViolations(browser);
    }

    @Test
    void anUnknownOrHiddenThreadShowsTheNotFoundPage() {
        browser.get(base + "board/thread.xhtml?id=999999999999");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertEquals("页面不存在", browser.findElement(By.id("error-title")).getText());
    }

    @Test
    void theLargeTextModeIsRememberedAfterReload() {
        browser.get(base + "board/index.xhtml?kind=HELP");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("board-title")));
        WebElement toggle = browser.findElement(By.id("large:toggle"));
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        assertFalse(pageClass().contains("wz-large"));
        toggle.click();
        wait(ExpectedConditions.attributeToBe(By.id("large:toggle"), "aria-pressed", "true"));
        assertTrue(browser.getCurrentUrl().endsWith("board/index.xhtml?kind=HELP"), "back on the same page");
        assertTrue(pageClass().contains("wz-large"));
        double large = fontSize();

        browser.navigate().refresh();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("board-title")));
        assertTrue(pageClass().contains("wz-large"), "remembered after reload");
        assertEquals(large, fontSize());
        Axe.assertNoViolations(browser);

        browser.get(base + "board/thread.xhtml?id=" + helpId);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("thread-title")));
        assertTrue(pageClass().contains("wz-large"), "and on the other pages");
        Axe.assertNoViolations(browser);

        browser.findElement(By.id("large:toggle")).click();
        wait(ExpectedConditions.attributeToBe(By.id("large:toggle"), "aria-pressed", "false"));
        assertFalse(pageClass().contains("wz-large"));
        assertTrue(fontSize() < large);
    }

    private String pageClass() {
        return browser.findElement(By.tagName("body")).getAttribute("class");
    }

    private double fontSize() {
        String px = browser.findElement(By.cssSelector(".wz-boardpage")).getCssValue("font-size");
        return Double.parseDouble(px.replace("px", ""));
    }

    private List<Long> rowIds() {
        return browser.findElements(By.cssSelector("#results li")).stream()
                .map(e -> Long.parseLong(e.getAttribute("data-id"))).toList();
    }

}
