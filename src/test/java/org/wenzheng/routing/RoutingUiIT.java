package org.wenzheng.routing;

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
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader routes a message of a batch in the browser; the liaison of the unit sees the case on the back-office
 * home and opens it; the same liaison opening another unit's case gets the 403 page. The batch and messages are
 * inserted with plain JDBC, as the batch job would leave them.
 */
@ExtendWith(ArquillianExtension.class)
class RoutingUiIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theLeaderRoutesAMessageAndTheUnitsLiaisonSeesTheCaseButNotAnotherUnits() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String title = "桥洞积水深没过脚踝" + suffix;
        String instruction = "请城管局尽快排水并答复群众。";
        long batchId;
        long cg;
        long messageId;
        long otherCaseId;
        try (Connection db = connect()) {
            cg = single(db, "select id from unit where code = 'CG'");
            long zj = single(db, "select id from unit where code = 'ZJ'");
            batchId = single(db, "select nextval('batch_seq')");
            exec(db, "insert into batch (id, year, number, cut_at, status) values (?, 1995, ?, now(), 'SLIPPED')",
                    batchId, Integer.parseInt(suffix));
            messageId = message(db, title, "BATCHED", batchId, cg, suffix + "A");
            long other = message(db, "住建局的案件" + suffix, "ROUTED", batchId, zj, suffix + "B");
            otherCaseId = single(db, "select nextval('case_seq')");
            exec(db, "insert into handling_case (id, message_id, unit_id, unit_role, status, instruction, routed_at,"
                    + " due_at) values (?, ?, ?, 'LEAD', 'ROUTED', '请住建局办理。', now(), now() + interval '3 days')",
                    otherCaseId, other, zj);
        }

        browser.manage().deleteAllCookies();
        signIn("leader");
        browser.get(base + "office/routing/index.xhtml");
        WebElement batches = wait(ExpectedConditions.presenceOfElementLocated(By.id("batches")));
        assertTrue(batches.getText().contains("1995年第" + suffix + "期"), batches.getText());
        browser.get(base + "office/routing/batch.xhtml?id=" + batchId);
        WebElement row = wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-message-id='" + messageId + "']")));
        assertTrue(row.getText().contains(title));
        assertTrue(row.findElement(By.cssSelector(".wz-suggestion")).getText().contains("城市管理局"),
                "the citizen's choice is suggested");
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        row.findElement(By.cssSelector("textarea.wz-instruction")).sendKeys(instruction);
        WebElement lead = row.findElement(By.cssSelector("select[id$=':lead']"));
        assertTrue(lead.getText().contains("城市管理局"), lead.getAttribute("outerHTML"));
        new Select(lead).selectByValue(String.valueOf(cg));
        row.findElement(By.cssSelector("input[id$=':approve']")).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("已批办，生成 1 件案件。", done.getText());
        assertTrue(browser.findElements(By.cssSelector("li[data-message-id='" + messageId + "']")).isEmpty(),
                "the routed message has left the list");
        long caseId;
        try (Connection db = connect()) {
            caseId = single(db, "select id from handling_case where message_id = " + messageId);
        }

        browser.manage().deleteAllCookies();
        signIn("liaison");
        WebElement panel = browser.findElement(By.id("panel-liaison"));
        assertTrue(panel.getText().contains(title), panel.getText());
        browser.get(base + "office/cases/case.xhtml?id=" + caseId);
        assertEquals(title, wait(ExpectedConditions.presenceOfElementLocated(By.id("case-title"))).getText());
        assertEquals(instruction, browser.findElement(By.id("case-instruction")).getText());
        assertTrue(browser.findElement(By.id("case-due-explain")).getText().contains("截止"),
                browser.findElement(By.id("case-due-explain")).getText());
        assertTrue(browser.findElement(By.id("case-unit")).getText().contains("城市管理局"));
        assertFalse(browser.findElements(By.id("ret:submit")).isEmpty(), "the liaison may return it");

        browser.get(base + "office/cases/case.xhtml?id=" + otherCaseId);
        assertEquals("无权访问", wait(ExpectedConditions.presenceOfElementLocated(By.id("error-title"))).getText());
        assertFalse(browser.getPageSource().contains("住建局的案件"), "nothing of the other unit's case is shown");
    }

    @Test
    void theAdministratorKeepsRulesWithMessagesNextToTheFieldsAndALiaisonCannotOpenTheReport() {
        browser.manage().deleteAllCookies();
        signIn("admin");
        browser.get(base + "office/routing/rules.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("rule:save"))).click();
        WebElement unitError = wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#rule .wz-field-error")));
        assertEquals("办理单位：必须填写。", unitError.getText());

        String word = "界面规则" + ThreadLocalRandom.current().nextInt(100000, 999999);
        new Select(browser.findElement(By.id("rule:unit"))).selectByVisibleText("生态环境局");
        browser.findElement(By.id("rule:save")).click();
        assertEquals("请至少填写类别、关键词或地名中的一项。",
                wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='rule:keywords'] ~ .wz-field-error")))
                        .getText());
        browser.findElement(By.id("rule:keywords")).sendKeys(word + "，扬尘");
        browser.findElement(By.id("rule:save")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "规则已保存。"));
        WebElement rules = browser.findElement(By.id("list:rules"));
        assertTrue(rules.getText().contains(word + "，扬尘"), rules.getText());
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        browser.manage().deleteAllCookies();
        signIn("liaison");
        browser.get(base + "office/routing/returns.xhtml");
        assertEquals("无权访问", wait(ExpectedConditions.presenceOfElementLocated(By.id("error-title"))).getText());
        browser.manage().deleteAllCookies();
        signIn("supervisor");
        browser.get(base + "office/routing/returns.xhtml");
        assertEquals("退回统计", wait(ExpectedConditions.presenceOfElementLocated(By.id("returns-title"))).getText());
    }

    private void signIn(String username) {
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    private static long message(Connection db, String title, String status, long batchId, long unitId, String code)
            throws Exception {
        long id = single(db, "select nextval('message_seq')");
        exec(db, "insert into message (id, tracking_code, kind, title, body, status, posted_at, batch_id,"
                        + " target_unit_id, due_at) values (?, ?, 'COMPLAINT', ?, '桥洞下雨天积水很深，行人无法通过。', ?, ?, ?, ?, ?)",
                id, "UI" + code, title, status, Timestamp.from(Instant.now()), batchId, unitId,
                "ROUTED".equals(status) ? Timestamp.from(Instant.now().plus(Duration.ofDays(3))) : null);
        return id;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }

    private static long single(Connection db, String sql) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static void exec(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

}
