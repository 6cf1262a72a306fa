package org.wenzheng.supervision;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the browser: the supervisor finds an overdue case on the board by its unit and issues an overdue notice; then
 * generates a bulletin that names the unit, a leader approves and publishes it, and anyone reads it on the public
 * page on a phone-sized screen. The unit and its overdue case are inserted with plain JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class SupervisionUiIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theSupervisorIssuesANoticeAndABulletinGoesThroughTheLeaderToThePublicPage() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
        String unitName = "督办界面测试局" + suffix;
        String title = "路灯长期不亮无人管" + suffix;
        long unitId;
        long caseId;
        try (Connection db = connect()) {
            unitId = single(db, "select nextval('unit_seq')");
            exec(db, "insert into unit (id, code, name, created_at) values (?, ?, ?, now())", unitId, "SVUI" + suffix,
                    unitName);
            long messageId = single(db, "select nextval('message_seq')");
            exec(db, "insert into message (id, tracking_code, kind, title, body, status, posted_at, severity)"
                    + " values (?, ?, 'COMPLAINT', ?, '小区路灯坏了一个月。', 'ROUTED', now() - interval '6 days',"
                    + " 'SIGNIFICANT')", messageId, "SV" + suffix, title);
            caseId = single(db, "select nextval('case_seq')");
            exec(db, "insert into handling_case (id, message_id, unit_id, unit_role, status, instruction, routed_at,"
                    + " due_at) values (?, ?, ?, 'LEAD', 'ROUTED', '请按时答复。', now() - interval '5 days',"
                    + " now() - interval '1 day')", caseId, messageId, unitId);
        }

        browser.manage().deleteAllCookies();
        signIn("supervisor");
        browser.get(base + "office/supervision/index.xhtml");
        assertEquals("督办台账", wait(ExpectedConditions.presenceOfElementLocated(By.id("board-title"))).getText());
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");
        new Select(browser.findElement(By.id("board:unit"))).selectByValue(String.valueOf(unitId));
        browser.findElement(By.id("board:apply")).click();
        WebElement state = wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".wz-sv-state[data-case='" + caseId + "']")));
        assertEquals("超期未答复未说明", state.getText());
        WebElement row = state.findElement(By.xpath("./ancestor::tr"));
        assertTrue(row.getText().contains(title), row.getText());
        row.findElement(By.cssSelector("input.wz-sv-issue")).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(done.getText().startsWith("已签发督办通知单〔"), done.getText());
        assertTrue(done.getText().contains(unitName), done.getText());
        long noticeId;
        try (Connection db = connect()) {
            noticeId = single(db, "select id from overdue_notice where case_id = " + caseId);
        }
        browser.get(base + "office/supervision/notice.xhtml?id=" + noticeId);
        assertTrue(wait(ExpectedConditions.presenceOfElementLocated(By.id("notice-number"))).getText().startsWith("〔"));
        assertEquals(unitName, browser.findElement(By.id("notice-unit")).getText());
        assertEquals("尚未回复", browser.findElement(By.id("notice-answer")).getText());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        browser.get(base + "office/supervision/bulletins.xhtml");
        setDate("gen:from", today.minusDays(3));
        setDate("gen:to", today);
        browser.findElement(By.id("gen:go")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "通报草稿已生成"));
        assertEquals("草稿（待审定）", browser.findElement(By.id("selected-status")).getText());
        assertTrue(browser.findElement(By.id("selected-body")).getText().contains(unitName + "：超期未答复未说明 1 件"),
                browser.findElement(By.id("selected-body")).getText());
        long bulletinId;
        try (Connection db = connect()) {
            bulletinId = single(db, "select max(id) from bulletin where status = 'DRAFT'");
        }

        browser.manage().deleteAllCookies();
        signIn("leader");
        browser.get(base + "office/supervision/bulletins.xhtml?id=" + bulletinId);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("review:approve"))).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "通报已审定"));
        browser.findElement(By.id("publish:go")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "通报已发布到网站"));
        assertEquals("已发布", browser.findElement(By.id("selected-status")).getText());

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(360, 740));
        try {
            browser.get(base + "bulletins/index.xhtml");
            wait(ExpectedConditions.presenceOfElementLocated(By.id("public-bulletins-title")));
            browser.findElement(By.cssSelector("a[href*='bulletins/view.xhtml?id=" + bulletinId + "']")).click();
            WebElement named = wait(ExpectedConditions.presenceOfElementLocated(By.id("named")));
            assertTrue(named.getText().contains(unitName), named.getText());
            assertTrue(browser.findElement(By.id("bulletin-body")).getText().contains(unitName));
            assertFalse(browser.getPageSource().contains("???"), "no missing translations");
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone: " + overflow);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void setDate(String id, LocalDate day) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), day.toString());
    }

    private void signIn(String username) {
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
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
