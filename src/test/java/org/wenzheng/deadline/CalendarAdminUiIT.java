package org.wenzheng.deadline;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;
import org.wenzheng.testsupport.TestDb;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator imports a year's holidays from an .ics file in the browser: sees the preview, confirms, sees how
 * many cases moved and the year's grid; a bad file names its line; the citizen's tracking page then explains the
 * moved due date; a bad policy value is refused next to its field. Works in 2031, a year no other test uses, and
 * empties it again at the end.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarAdminUiIT extends BrowserTest {

    private static final String ICS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//wenzheng//ui test//ZH",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20311001",
            "DTEND;VALUE=DATE:20311008",
            "SUMMARY:国庆",
            " 节",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20310928",
            "SUMMARY:国庆节调休上班",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20311011",
            "SUMMARY:补班",
            "END:VEVENT",
            "END:VCALENDAR", "");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theAdministratorImportsAnIcsSeesThePreviewAndTheResultAndABadPolicyValueIsRefused() throws Exception {
        String code = trackingCode();
        long caseId;
        try (Connection db = TestDb.connect()) {
            long cg = single(db, "select id from unit where code = 'CG'");
            long messageId = single(db, "select nextval('message_seq')");
            // Posted Tue 2031-09-30 10:00; with weekends only (no 2031 calendar yet) due Fri 10-03 17:00.
            exec(db, "insert into message (id, tracking_code, kind, title, body, status, posted_at, due_at) values"
                    + " (?, ?, 'COMPLAINT', '日历界面测试：国庆前的留言', '正文。', 'ROUTED',"
                    + " timestamptz '2031-09-30 10:00+08', timestamptz '2031-10-03 17:00+08')", messageId, code);
            caseId = single(db, "select nextval('case_seq')");
            exec(db, "insert into handling_case (id, message_id, unit_id, unit_role, status, instruction, routed_at,"
                    + " due_at) values (?, ?, ?, 'LEAD', 'ROUTED', '请办理。', now() - interval '1 hour',"
                    + " timestamptz '2031-10-03 17:00+08')", caseId, messageId, cg);
        }
        Path ics = Files.createTempFile(Path.of("target"), "holidays-2031-", ".ics");
        Files.writeString(ics, ICS, StandardCharsets.UTF_8);
        Path bad = Files.createTempFile(Path.of("target"), "bad-", ".ics");
        Files.writeString(bad, ICS.replace("DTSTART;VALUE=DATE:20311011", "DTSTART:20311011T090000"),
                StandardCharsets.UTF_8);

        try {
            browser.manage().deleteAllCookies();
            signIn("admin");
            browser.get(base + "office/admin/calendar.xhtml?year=2031");
            assertEquals("工作日日历", wait(ExpectedConditions.presenceOfElementLocated(By.id("calendar-title"))).getText());
            assertTrue(browser.findElement(By.id("summary")).getText().contains("尚未载入"));

            browser.findElement(By.id("import:file")).sendKeys(bad.toAbsolutePath().toString());
            browser.findElement(By.id("import:preview")).click();
            // Wait for the message itself: the field's (empty) message element is there before the answer comes.
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("import:file-msg"), "第 15 行"));
            assertEquals("第 15 行：“20311011T090000”带有具体时间；只能导入全天事件。",
                    browser.findElement(By.id("import:file-msg")).getText());

            browser.findElement(By.id("import:file")).sendKeys(ics.toAbsolutePath().toString());
            browser.findElement(By.id("import:preview")).click();
            WebElement summary = wait(ExpectedConditions.presenceOfElementLocated(By.id("preview-summary")));
            assertTrue(summary.getText().contains("新增 9 天，修改 0 天，删除 0 天，0 天不变"), summary.getText());
            WebElement added = browser.findElement(By.cssSelector(".wz-cal-changes"));
            assertTrue(added.getText().contains("2031-10-11 六"), added.getText());
            assertTrue(added.getText().contains("调休上班 补班"), added.getText());
            assertTrue(browser.findElements(By.cssSelector("td[data-date='2031-10-01'].wz-cal__day--holiday")).isEmpty(),
                    "nothing changed before confirming");

            browser.findElement(By.id("confirm:go")).click();
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "2031年的安排已导入"));
            assertTrue(browser.findElement(By.id("pageMessages")).getText()
                    .contains("新增 9 天，修改 0 天，删除 0 天"), browser.findElement(By.id("pageMessages")).getText());
            assertEquals("1", browser.findElement(By.id("movedCount")).getText());
            assertTrue(browser.findElement(By.id("result")).getText().contains(String.valueOf(caseId)));
            assertFalse(browser.findElements(By.cssSelector("td[data-date='2031-10-01'].wz-cal__day--holiday")).isEmpty());
            assertFalse(browser.findElements(By.cssSelector("td[data-date='2031-10-11'].wz-cal__day--makeup")).isEmpty());
            assertFalse(browser.findElements(By.cssSelector("td[data-date='2031-10-12'].wz-cal__day--weekend")).isEmpty());
            assertTrue(browser.findElement(By.id("summary")).getText().contains("法定节假日 7 天、调休上班 2 天"));
            assertTrue(browser.findElements(By.id("confirm")).isEmpty(), "the preview is gone");
            assertFalse(browser.getPageSource().contains("???"), "no missing translations");

            // The citizen's tracking page explains the moved due: 10-08, 10-09, 10-10.
            browser.get(base + "track/index.xhtml?code=" + code);
            WebElement explained = wait(ExpectedConditions.presenceOfElementLocated(By.id("dueExplained")));
            assertTrue(explained.getText().contains("10-01至10-07 国庆节休息"), explained.getText());
            assertTrue(explained.getText().contains("截止 2031-10-10 周五 17:00"), explained.getText());

            browser.get(base + "office/admin/policy.xhtml");
            assertTrue(wait(ExpectedConditions.presenceOfElementLocated(By.id("newOnly"))).getText()
                    .contains("只适用于此后交办的新案件"));
            WebElement normal = browser.findElement(By.id("policy:normalDays"));
            assertEquals("3", normal.getAttribute("value"));
            normal.clear();
            normal.sendKeys("三");
            browser.findElement(By.id("policy:save")).click();
            assertEquals("请填写数字。", awaitText(By.id("policy:normalDays-msg"), "请填写数"));
            normal = browser.findElement(By.id("policy:normalDays"));
            normal.clear();
            normal.sendKeys("3");
            WebElement cap = browser.findElement(By.id("policy:capDays"));
            cap.clear();
            cap.sendKeys("2");
            browser.findElement(By.id("policy:save")).click();
            assertEquals("延期上限不能少于答复时限（3 天）。", awaitText(By.id("policy:capDays-msg"), "延期上限"));
            assertTrue(browser.findElement(By.id("pageMessages")).getText().contains("规则未保存"));
            try (Connection db = TestDb.connect()) {
                assertEquals(0, single(db, "select count(*) from setting where key = 'deadline.capDays' and value = '2'"));
            }

            // The reminder lead (催办): at most the cap, then saved, audited, and put back.
            cap = browser.findElement(By.id("policy:capDays"));
            cap.clear();
            cap.sendKeys("5");
            WebElement lead = browser.findElement(By.id("policy:reminderLeadDays"));
            assertEquals("1", lead.getAttribute("value"));
            assertEquals("到期前提前催办天数", browser.findElement(By.cssSelector("label[for='policy:reminderLeadDays']"))
                    .getText());
            lead.clear();
            lead.sendKeys("6");
            browser.findElement(By.id("policy:save")).click();
            // Located again after the page came back: the message's element exists before the save, too.
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("policy:reminderLeadDays-msg"),
                    "不能超过办理最长期限"));
            assertEquals("不能超过办理最长期限（5 天）。",
                    browser.findElement(By.id("policy:reminderLeadDays-msg")).getText());
            setLead("2");
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"), "已保存"));
            assertEquals("2", browser.findElement(By.id("policy:reminderLeadDays")).getAttribute("value"));
            try (Connection db = TestDb.connect()) {
                assertEquals(1, single(db, "select count(*) from setting where key = 'supervision.reminder.lead'"
                        + " and value = '2' and updated_by = 'admin'"));
                assertEquals(1, single(db, "select count(*) from (select after_state from audit_entry where action ="
                        + " 'POLICY_CHANGED' order by id desc limit 1) a where a.after_state like"
                        + " '%\"reminderLeadDays\":2%'"));
            }
            setLead("1");
            assertTrue(browser.findElement(By.id("reminderLeadDays-hint")).getText().contains("工作日"));
            try (Connection db = TestDb.connect()) {
                assertEquals(1, single(db, "select count(*) from setting where key = 'supervision.reminder.lead'"
                        + " and value = '1'"));
            }

            browser.findElement(By.id("lang:switch")).click();
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-title"), "Deadline policy"));
            assertTrue(browser.findElement(By.id("newOnly")).getText().contains("applies only to cases routed after it"));
            browser.findElement(By.id("lang:switch")).click();
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-title"), "办理时限规则"));
        } finally {
            try (Connection db = TestDb.connect()) {
                exec(db, "delete from calendar_day where day between date '2031-01-01' and date '2031-12-31'");
                exec(db, "update setting set value = '1' where key = 'supervision.reminder.lead'");
                exec(db, "update handling_case set status = 'CLOSED', closed_at = now() where id = ?", caseId);
            }
        }
    }

    private void setLead(String days) {
        WebElement lead = browser.findElement(By.id("policy:reminderLeadDays"));
        lead.clear();
        lead.sendKeys(days);
        WebElement save = browser.findElement(By.id("policy:save"));
        save.click();
        wait(ExpectedConditions.stalenessOf(save));
    }

    private void signIn(String username) {
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }


    private static String trackingCode() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
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
