package org.wenzheng.flow;

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
import org.wenzheng.board.TrackingCode;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestDb;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #5's whole back-office loop in a browser: the intake officer registers a citizen's message, cuts the daily
 * batch by hand, the leader routes the message to 城市管理局 with an instruction, and the unit's liaison finds the case
 * in the inbox and opens it, with its due date explained.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeToLiaisonUiIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void aMessageGoesFromIntakeThroughTheBatchAndRoutingToTheLiaisonsInbox() throws Exception {
        String title = "流程测试：滨江路夜市占道经营 " + System.nanoTime();
        String instruction = "请城管局会同街道核实，三日内答复群众。";
        long messageId = insertSubmitted(title);

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
        WebElement cut = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(cut.getText().matches("已生成 \\d{4}年第\\d+期，共 \\d+ 条留言。"), cut.getText());
        assertEquals("BATCHED", column(messageId, "status"));
        String batchId = column(messageId, "batch_id");

        signIn("leader");
        browser.get(base + "office/routing/batch.xhtml?id=" + batchId);
        WebElement row = wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-message-id='" + messageId + "']")));
        // Which unit is suggested depends on the routing rules and routed messages other tests left behind; the
        // leader decides either way.
        assertFalse(row.findElement(By.cssSelector(".wz-suggestion")).getText().isBlank(), "a suggestion is shown");
        row.findElement(By.cssSelector("textarea.wz-instruction")).sendKeys(instruction);
        new Select(row.findElement(By.cssSelector("select[id$=':lead']"))).selectByVisibleText("城市管理局");
        row.findElement(By.cssSelector("input[id$=':approve']")).click();
        WebElement routed = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("已批办，生成 1 件案件。", routed.getText());
        assertEquals("ROUTED", column(messageId, "status"));

        signIn("liaison");
        WebElement inbox = browser.findElement(By.id("panel-liaison"));
        assertTrue(inbox.getText().contains(title), inbox.getText());
        inbox.findElement(By.linkText(title)).click();
        assertEquals(title, wait(ExpectedConditions.presenceOfElementLocated(By.id("case-title"))).getText());
        assertEquals(instruction, browser.findElement(By.id("case-instruction")).getText());
        assertTrue(browser.findElement(By.id("case-due-explain")).getText().contains("截止"));
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    /** A citizen's message as posting leaves it: SUBMITTED, meant for 城市管理局 (unit CG). */
    private static long insertSubmitted(String title) throws Exception {
        try (Connection db = TestDb.connect();
             PreparedStatement ps = db.prepareStatement("""
                     insert into message (id, tracking_code, kind, target_unit_id, title, body, display_name,
                         contact_phone, private_message, channel, status, public_visible, posted_at)
                     values (nextval('message_seq'), ?, 'COMPLAINT', (select id from unit where code = 'CG'), ?,
                         '每晚滨江路两侧摊位占满人行道，行人只能走机动车道，很危险。', '网友', '13700000077', false,
                         'WEB', 'SUBMITTED', false, now())
                     returning id""")) {
            ps.setString(1, code());
            ps.setString(2, title);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
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

    private static String code() {
        return TrackingCode.generate();
    }


    private static Boolean waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }
}
