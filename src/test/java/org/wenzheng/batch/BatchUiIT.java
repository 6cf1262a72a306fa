package org.wenzheng.batch;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.testsupport.TestApiTokens;
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An intake officer cuts the batch by hand, finds it listed, opens its slip and downloads the PDF. */
@ExtendWith(ArquillianExtension.class)
class BatchUiIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void anIntakeOfficerCutsABatchOpensItsSlipAndDownloadsThePdf() throws Exception {
        String title = "界面测试：路灯不亮" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        insertRegistered(title);
        insertRegistered(title + "（二）");

        signIn("intake");
        browser.get(base + "office/batch/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("cut:go"))).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(done.getText().matches("已生成 \\d{4}年第\\d+期，共 \\d+ 条留言。"), done.getText());
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        WebElement newest = browser.findElement(By.cssSelector("#batch-list tbody tr"));
        String label = newest.findElement(By.cssSelector(".wz-batch__label")).getText();
        assertTrue(done.getText().contains(label), label + " is the batch just cut, listed first");
        newest.findElement(By.cssSelector(".wz-batch__open")).click();

        wait(ExpectedConditions.textToBe(By.id("slip-title"), "网络舆情抄告单"));
        assertTrue(browser.findElement(By.id("slip-batch")).getText().contains(label));
        String lines = browser.findElement(By.id("slip-lines")).getText();
        assertTrue(lines.contains(title), lines);
        assertTrue(lines.contains(title + "（二）"), lines);
        assertTrue(lines.contains("批办意见"));

        String pdfUrl = browser.findElement(By.id("slip-pdf")).getAttribute("href");
        String cookies = cookies();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, anonymous.statusCode(), "not without a staff session");

        // Nothing new registered: a second cut creates no batch and says so.
        browser.get(base + "office/batch/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("cut:go"))).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessages"),
                "目前没有已登记待归批的留言，未生成新批次。"));
        assertEquals(label, browser.findElement(By.cssSelector("#batch-list tbody tr .wz-batch__label")).getText());
    }

    @Test
    void aLiaisonGetsTheForbiddenPageAnd403FromTheApi() throws Exception {
        signIn("liaison");
        browser.get(base + "office/batch/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertEquals("无权访问", browser.findElement(By.id("error-title")).getText());
        assertTrue(browser.findElements(By.id("cut:go")).isEmpty());

        // Reading with the liaison's session, and with the liaison's own API token: refused for the role either way.
        HttpResponse<String> withSession = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/batches")).header("Cookie", cookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, withSession.statusCode(), withSession.body());
        HttpResponse<String> api = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "api/v1/batches"))
                        .header("Authorization", "Bearer " + TestApiTokens.mint("liaison", "LIAISON")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"forbidden\""), api.body());
    }

    private static String cookies() {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username"))).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("wenzheng-demo");
        browser.findElement(By.id("signin:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    /** A registered message, inserted as intake's registration leaves it. */
    private static void insertRegistered(String title) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
             PreparedStatement ps = c.prepareStatement("""
                     insert into message (id, tracking_code, kind, title, body, status, posted_at, registered_at)
                     values (nextval('message_seq'), ?, 'COMPLAINT', ?, ?, 'REGISTERED', now() - interval '2 hours', now())""")) {
            ps.setString(1, TrackingCode.generate());
            ps.setString(2, title);
            ps.setString(3, "幸福路北段的路灯一到晚上就不亮，行人很不安全。");
            ps.executeUpdate();
        }
    }

}
