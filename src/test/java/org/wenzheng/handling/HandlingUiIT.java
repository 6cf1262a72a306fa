package org.wenzheng.handling;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wenzheng.testsupport.Axe;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestDb;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #6's whole loop in a browser, from the citizen's form to the reply under the message: the citizen posts, the
 * intake officer registers, the batch is cut, the leader routes to 城市管理局, the liaison finds the case in the
 * handling inbox, drafts the reply in the editor and submits it, the leader approves it from the review queue, and
 * the public thread shows the reply, its markup sanitised, under the citizen's message.
 */
@ExtendWith(ArquillianExtension.class)
class HandlingUiIT extends BrowserTest {

    private static final Pattern QUESTION = Pattern.compile("(\\S+)([加减])(\\S+)等于几？");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void aCitizensMessageIsAnsweredAndTheReplyAppearsUnderIt() throws Exception {
        String title = "答复流程：东湖小区垃圾清运不及时 " + System.nanoTime();
        String body = "东湖小区的垃圾桶已经三天没有清运，气味很大，请环卫部门尽快清运。";
        String reply = "经核查，东湖小区垃圾清运车辆故障，已调配车辆，今日完成清运。";

        // The citizen posts.
        browser.manage().deleteAllCookies();
        browser.get(base + "board/post.xhtml");
        new Select(browser.findElement(By.id("post:kind"))).selectByValue("COMPLAINT");
        new Select(browser.findElement(By.id("post:category"))).selectByIndex(1);
        browser.findElement(By.id("post:title")).sendKeys(title);
        browser.findElement(By.id("post:body")).sendKeys(body);
        browser.findElement(By.id("post:email")).sendKeys("hui" + System.nanoTime() + "@example.com");
        browser.findElement(By.id("post:challenge")).sendKeys(
                Integer.toString(answer(browser.findElement(By.id("challengeQuestion")).getText())));
        browser.findElement(By.id("post:submit")).click();
        String code = wait(ExpectedConditions.visibilityOfElementLocated(By.id("trackingCode"))).getText();
        long messageId = messageId(code.replace("-", ""));

        // The intake officer registers it and cuts the batch.
        signIn("intake");
        browser.get(base + "office/intake/message.xhtml?id=" + messageId);
        wait(ExpectedConditions.textToBe(By.id("message-title"), title));
        new Select(browser.findElement(By.id("register:category"))).selectByVisibleText("城乡建设");
        new Select(browser.findElement(By.id("register:severity"))).selectByValue("ORDINARY");
        new Select(browser.findElement(By.id("register:colour"))).selectByValue("BLUE");
        browser.findElement(By.id("register:submit")).click();
        waitUntil(d -> "REGISTERED".equals(column(messageId, "status")));
        browser.get(base + "office/batch/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("cut:go"))).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("BATCHED", column(messageId, "status"));

        // The leader routes it to 城市管理局.
        signIn("leader");
        browser.get(base + "office/routing/batch.xhtml?id=" + column(messageId, "batch_id"));
        WebElement row = wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-message-id='" + messageId + "']")));
        row.findElement(By.cssSelector("textarea.wz-instruction")).sendKeys("请城管局核实并答复。");
        new Select(row.findElement(By.cssSelector("select[id$=':lead']"))).selectByVisibleText("城市管理局");
        row.findElement(By.cssSelector("input[id$=':approve']")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("ROUTED", column(messageId, "status"));

        // The liaison drafts the reply from the handling inbox and submits it.
        signIn("liaison");
        browser.get(base + "office/handling/inbox.xhtml");
        WebElement inbox = wait(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        WebElement link = inbox.findElement(By.linkText(title));
        WebElement inboxRow = link.findElement(By.xpath("./ancestor::tr"));
        assertEquals("ON_TIME", inboxRow.findElement(By.cssSelector(".wz-deadline")).getAttribute("data-state"));
        assertEquals("正常", inboxRow.findElement(By.cssSelector(".wz-deadline")).getText());
        Axe.assertNoViolations(browser);
        link.click();
        assertEquals(title, wait(ExpectedConditions.presenceOfElementLocated(By.id("case-title"))).getText());
        assertEquals("ON_TIME", browser.findElement(By.id("case-state")).getAttribute("data-state"));
        WebElement editor = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("#draft\\:editor .ql-editor")));
        Axe.assertNoViolations(browser);
        editor.click();
        editor.sendKeys(reply);
        browser.findElement(By.id("draft:save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "草稿已保存。"));
        assertTrue(browser.findElement(By.id("versions")).getText().contains("1 · liaison · "),
                browser.findElement(By.id("versions")).getText());
        browser.findElement(By.id("draft:submit")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "答复已提交审定。"));
        assertEquals("SUBMITTED", browser.findElement(By.id("reply-status")).getAttribute("data-status"));
        assertEquals(reply, browser.findElement(By.id("reply-body")).getText());
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        // The leader approves it from the review queue; publication is automatic.
        signIn("leader");
        browser.get(base + "office/handling/review.xhtml");
        WebElement queue = wait(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        Axe.assertNoViolations(browser);
        queue.findElement(By.linkText(title)).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("review:approve")));
        assertTrue(browser.findElement(By.id("reply-body")).getText().contains("垃圾清运"));
        browser.findElement(By.id("review:comment")).sendKeys("同意。");
        browser.findElement(By.id("review:approve")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "答复已审定。"));
        assertEquals("PUBLISHED", browser.findElement(By.id("reply-status")).getAttribute("data-status"));
        assertEquals("REPLIED", column(messageId, "status"));

        // The citizen's thread shows the reply under the message.
        browser.manage().deleteAllCookies();
        browser.get(base + "board/thread.xhtml?id=" + messageId);
        assertEquals(title, wait(ExpectedConditions.presenceOfElementLocated(By.id("thread-title"))).getText());
        WebElement shown = browser.findElement(By.cssSelector(".wz-reply"));
        assertTrue(shown.getText().contains("城市管理局 的答复"), shown.getText());
        assertEquals(reply, shown.findElement(By.cssSelector(".wz-reply__body")).getText());
        assertEquals(1, shown.findElements(By.cssSelector(".wz-reply__body p")).size(), "the editor's paragraph kept");
        assertTrue(browser.findElements(By.id("noReply")).isEmpty());
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    private static long messageId(String trackingCode) throws Exception {
        try (Connection db = TestDb.connect();
             PreparedStatement ps = db.prepareStatement("select id from message where tracking_code = ?")) {
            ps.setString(1, trackingCode);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the posted message is stored");
                return rs.getLong(1);
            }
        }
    }

    private static String column(long messageId, String column) {
        try (Connection db = TestDb.connect();
             ResultSet rs = db.createStatement().executeQuery(
                     "select " + column + " from message where id = " + messageId)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Solves the posting form's question ("十二加七等于几？") as a person would. */
    private static int answer(String question) {
        Matcher m = QUESTION.matcher(question.strip());
        assertTrue(m.matches(), question);
        int a = chinese(m.group(1));
        int b = chinese(m.group(3));
        return "加".equals(m.group(2)) ? a + b : a - b;
    }

    private static int chinese(String s) {
        String digits = "零一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            return digits.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1));
        return tens * 10 + ones;
    }


    private static void waitUntil(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }
}
