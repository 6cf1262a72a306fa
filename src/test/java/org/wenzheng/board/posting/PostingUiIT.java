package org.wenzheng.board.posting;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.wenzheng.testsupport.Axe;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citizen in a browser: posts a message with a photo, gets the tracking code, and follows the message with it. */
@ExtendWith(ArquillianExtension.class)
class PostingUiIT extends BrowserTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89, 0, 0, 0, 0x0D,
            'I', 'D', 'A', 'T', 0x78, (byte) 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, (byte) 0xB4, 0, 0,
            0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final Pattern QUESTION = Pattern.compile("(\\S+)([加减])(\\S+)等于几？");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void aCitizenPostsWithAPhotoGetsTheCodeAndTracksTheMessage() throws Exception {
        String title = "测试：路灯不亮 𠮷 " + System.nanoTime();
        browser.get(base + "board/post.xhtml");
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("答复时限：3个工作日", browser.findElement(By.id("deadline")).getText());
        Axe.assertNoViolations(browser);

        new Select(browser.findElement(By.id("post:kind"))).selectByValue("COMPLAINT");
        new Select(browser.findElement(By.id("post:category"))).selectByIndex(1);
        browser.findElement(By.id("post:title")).sendKeys(title);
        browser.findElement(By.id("post:body")).sendKeys("幸福路 12 号门口的路灯一周没亮了。<script>alert('x')</script>");
        browser.findElement(By.id("post:phone")).sendKeys("139 " + String.format("%08d", System.nanoTime() % 100_000_000));
        Path photo = Files.createTempFile(Path.of(System.getProperty("wz.test.buildDir", "target")), "lamp", ".png");
        Files.write(photo, PNG);
        browser.findElement(By.id("post:file1")).sendKeys(photo.toAbsolutePath().toString());

        // A wrong answer: refused next to the field, everything else kept, the photo received.
        int answer = answer(browser.findElement(By.id("challengeQuestion")).getText());
        browser.findElement(By.id("post:challenge")).sendKeys(Integer.toString(answer + 1));
        browser.findElement(By.id("post:submit")).click();
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.id("post:challenge-msg")));
        assertEquals("验证问题的答案不正确，请回答新的问题。", error.getText());
        Axe.assertNoViolations(browser);
        assertEquals(title, browser.findElement(By.id("post:title")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector(".wz-kept")).getText().contains(photo.getFileName().toString()));
        assertTrue(browser.findElements(By.id("trackingCode")).isEmpty());

        answer = answer(browser.findElement(By.id("challengeQuestion")).getText());
        browser.findElement(By.id("post:challenge")).sendKeys(Integer.toString(answer));
        browser.findElement(By.id("post:submit")).click();
        String code = wait(ExpectedConditions.visibilityOfElementLocated(By.id("trackingCode"))).getText();
        assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"), code);
        assertTrue(browser.findElement(By.id("threadLink")).getAttribute("href").contains("/board/thread.xhtml?id="));
        Axe.assertNoViolations(browser);

        browser.get(base + "track/index.xhtml");
        browser.findElement(By.id("track:code")).sendKeys(code.toLowerCase().replace("-", " "));
        browser.findElement(By.id("track:go")).click();
        WebElement shownTitle = wait(ExpectedConditions.visibilityOfElementLocated(By.id("message-title")));
        assertEquals(title, shownTitle.getText(), "rare characters shown exactly");
        assertTrue(browser.findElement(By.id("messageBody")).getText().contains("<script>alert('x')</script>"),
                "script shown as text, never run");
        WebElement current = browser.findElement(By.cssSelector(".wz-timeline [aria-current=step]"));
        assertEquals("已提交", current.getText());
        assertTrue(browser.findElement(By.id("attachments")).getText().contains(photo.getFileName().toString()));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");
        Axe.assertNoViolations(browser);

        browser.get(base + "track/index.xhtml?code=" + code);
        assertEquals(title, wait(ExpectedConditions.visibilityOfElementLocated(By.id("message-title"))).getText());
    }

    @Test
    void theCitizenRatesAPublishedReplyAndAsksAFollowUpQuestion() throws Exception {
        String title = "测试：评价答复 " + System.nanoTime();
        String code = postThroughTheForm(title);
        publishReply(code, "<p>路灯已于今日修复。</p>");

        browser.get(base + "track/index.xhtml?code=" + code);
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("message-title")));
        assertEquals("路灯已于今日修复。", browser.findElement(By.cssSelector(".wz-reply__body")).getText());
        browser.findElement(By.cssSelector("input[name='rate:replies:0:grade'][value='DISSATISFIED']")).click();
        browser.findElement(By.id("rate:replies:0:send")).click();
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.id("rate:replies:0:rateError")));
        assertEquals("选择“不满意”时请填写理由。", error.getText());

        browser.findElement(By.cssSelector("input[name='rate:replies:0:grade'][value='DISSATISFIED']")).click();
        browser.findElement(By.id("rate:replies:0:reason")).sendKeys("晚上还是不亮 😀");
        browser.findElement(By.id("rate:replies:0:send")).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".wz-rating-done")));
        assertTrue(done.getText().contains("不满意") && done.getText().contains("晚上还是不亮 😀"), done.getText());
        assertTrue(browser.findElements(By.id("rate:replies:0:send")).isEmpty(), "rated once, no second form");

        browser.findElement(By.id("followUp:body")).sendKeys("请问什么时候再来检查？");
        browser.findElement(By.id("followUp:send")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("followUps"), "请问什么时候再来检查？"));
    }

    @Test
    void anUnknownTrackingCodeIsSaidSoNextToTheField() {
        browser.get(base + "track/index.xhtml");
        browser.findElement(By.id("track:code")).sendKeys("2345-6789-ABCD");
        browser.findElement(By.id("track:go")).click();
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.id("track:code-msg")));
        assertEquals("没有找到这个查询码对应的留言，请检查后重新输入。", error.getText());
        assertTrue(browser.findElements(By.id("message-title")).isEmpty());
    }

    private String postThroughTheForm(String title) {
        browser.get(base + "board/post.xhtml");
        new Select(browser.findElement(By.id("post:kind"))).selectByValue("QUESTION");
        new Select(browser.findElement(By.id("post:category"))).selectByIndex(1);
        browser.findElement(By.id("post:title")).sendKeys(title);
        browser.findElement(By.id("post:body")).sendKeys("正文 " + title);
        browser.findElement(By.id("post:email")).sendKeys("ui" + System.nanoTime() + "@example.com");
        int answer = answer(browser.findElement(By.id("challengeQuestion")).getText());
        browser.findElement(By.id("post:challenge")).sendKeys(Integer.toString(answer));
        browser.findElement(By.id("post:submit")).click();
        return wait(ExpectedConditions.visibilityOfElementLocated(By.id("trackingCode"))).getText();
    }

    /** What the handling feature will do: a lead case with a published reply, written straight to the database. */
    private static void publishReply(String code, String html) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"))) {
            long caseId;
            try (PreparedStatement c = db.prepareStatement("""
                    insert into handling_case (id, message_id, unit_id, unit_role, status, routed_at, due_at)
                    select nextval('case_seq'), m.id, (select min(id) from unit where active), 'LEAD', 'PUBLISHED',
                           now(), now() + interval '3 days'
                    from message m where m.tracking_code = ? returning id""")) {
                c.setString(1, code.replace("-", ""));
                try (ResultSet rs = c.executeQuery()) {
                    assertTrue(rs.next());
                    caseId = rs.getLong(1);
                }
            }
            try (PreparedStatement r = db.prepareStatement("""
                    insert into reply (id, case_id, revision, body_html, status, updated_at, published_at)
                    values (nextval('reply_seq'), ?, 1, ?, 'PUBLISHED', now(), now())""")) {
                r.setLong(1, caseId);
                r.setString(2, html);
                assertEquals(1, r.executeUpdate());
            }
        }
    }

    /** Solves the page's question ("十二加七等于几？") as a person would. */
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

}
