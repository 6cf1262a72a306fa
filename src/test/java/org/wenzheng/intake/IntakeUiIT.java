package org.wenzheng.intake;

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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake officer in a browser: the queue, one message with its contact data, registering it as major (it leaves
 * the queue and appears among the major alerts), rejecting another with a reason, and a bulk rejection of a
 * selection in the queue.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeUiIT extends BrowserTest {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void anIntakeOfficerRegistersOneMessageAndRejectsAnother() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        String registerTitle = "界面受理测试" + nonce;
        String rejectTitle = "界面驳回测试" + nonce;
        long registerId = insert(registerTitle, "楼道灯坏了很久，晚上出行不便。", "13700000003");
        long rejectId = insert(rejectTitle, "这是一条广告。", null);

        signIn();
        openQueue();
        WebElement row = findInQueue(registerTitle);
        assertTrue(row != null, "the new message is in the queue");
        row.click();

        wait(ExpectedConditions.textToBe(By.id("message-title"), registerTitle));
        assertEquals("137****0003", browser.findElement(By.id("contact-phone")).getText(), "contact data masked");
        browser.findElement(By.id("reveal:show")).click();
        wait(ExpectedConditions.textToBe(By.id("contact-phone"), "13700000003"));
        assertEquals("SUBMITTED", browser.findElement(By.id("message-status")).getAttribute("data-status"));
        new Select(browser.findElement(By.id("register:severity"))).selectByValue("MAJOR");
        new Select(browser.findElement(By.id("register:colour"))).selectByValue("RED");
        new Select(browser.findElement(By.id("register:category"))).selectByVisibleText("城乡建设");
        browser.findElement(By.id("register:submit")).click();

        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("已受理：" + registerTitle, done.getText());
        assertFalse(browser.getCurrentUrl().contains("id=" + registerId + "&") || browser.getCurrentUrl()
                .endsWith("id=" + registerId), "the next message opens: " + browser.getCurrentUrl());

        openQueue();
        assertEquals(null, findInQueue(registerTitle), "registered: gone from the queue");
        assertEquals(List.of("REGISTERED", "MAJOR", "URBAN"), row(registerId,
                "select m.status, m.severity, c.code from message m join category c on c.id = m.category_id"
                        + " where m.id = ?"));

        browser.get(base + "office/intake/alerts.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("alerts-title")));
        assertTrue(browser.findElement(By.id("alerts")).getText().contains(registerTitle), "the leaders' alert list");
        browser.get(base + "office/index.xhtml");
        assertTrue(wait(ExpectedConditions.presenceOfElementLocated(By.id("panel-alerts"))).getText()
                .contains(registerTitle), "and first thing on the back-office home");

        browser.get(base + "office/intake/message.xhtml?id=" + rejectId);
        wait(ExpectedConditions.textToBe(By.id("message-title"), rejectTitle));
        browser.findElement(By.id("reject:submit")).click();
        WebElement refused = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("请填写不予受理的理由。", refused.getText(), "a reason is required");
        browser.findElement(By.id("reject:reason")).sendKeys("内容为商业广告，不属于问政范围。");
        browser.findElement(By.id("reject:submit")).click();
        wait(ExpectedConditions.textToBe(By.cssSelector("#pageMessages li"), "已不予受理：" + rejectTitle));
        assertEquals(List.of("REJECTED", "内容为商业广告，不属于问政范围。"),
                row(rejectId, "select status, rejected_reason from message where id = ?"));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");
    }

    @Test
    void aSelectionInTheQueueIsRejectedInOneClick() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        List<String> titles = List.of("批量驳回甲" + nonce, "批量驳回乙" + nonce);
        List<Long> ids = List.of(insert(titles.get(0), "重复广告一", null), insert(titles.get(1), "重复广告二", null));
        signIn();
        openQueue();
        for (String title : titles) {
            WebElement link = findInQueue(title);
            assertTrue(link != null, title);
            WebElement box = link.findElement(By.xpath("./ancestor::tr")).findElement(By.cssSelector(".ui-chkbox-box"));
            box.click();
            wait(ExpectedConditions.attributeContains(box, "class", "ui-state-active"));
        }
        browser.findElement(By.id("queue:reason")).sendKeys("重复的广告信息");
        browser.findElement(By.id("queue:rejectSelected")).click();
        wait(ExpectedConditions.textToBe(By.cssSelector("#pageMessages li"), "已对 2 条留言不予受理。"));
        for (long id : ids) {
            assertEquals(List.of("REJECTED", "重复的广告信息"),
                    row(id, "select status, rejected_reason from message where id = ?"));
        }
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));
        browser.findElement(By.id("signin:username")).sendKeys("intake");
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    private void openQueue() {
        browser.get(base + "office/intake/queue.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("queue-title")));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");
    }

    /** The title's link in the queue: the newest messages are on the last page (oldest first). */
    private WebElement findInQueue(String title) {
        List<WebElement> last = browser.findElements(By.cssSelector("#queue\\:table .ui-paginator-last"));
        if (!last.isEmpty() && !last.get(0).getAttribute("class").contains("ui-state-disabled")) {
            WebElement firstRow = browser.findElement(By.cssSelector("#queue\\:table tbody tr"));
            last.get(0).click();
            wait(ExpectedConditions.stalenessOf(firstRow));
        }
        List<WebElement> links = browser.findElements(By.linkText(title));
        return links.isEmpty() ? null : links.get(0);
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }

    private static long insert(String title, String body, String phone) throws Exception {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                insert into message (id, tracking_code, kind, title, body, display_name, contact_phone, status,
                                     posted_at)
                values (nextval('message_seq'), ?, 'COMPLAINT', ?, ?, '测试网友', ?, 'SUBMITTED', now())
                returning id""")) {
            ps.setString(1, code.toString());
            ps.setString(2, title);
            ps.setString(3, body);
            ps.setString(4, phone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> row(long id, String sql) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                int n = rs.getMetaData().getColumnCount();
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = rs.getString(i + 1);
                }
                return List.of(values);
            }
        }
    }

}
