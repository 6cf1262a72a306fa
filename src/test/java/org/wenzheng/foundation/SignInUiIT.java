package org.wenzheng.foundation;

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
import org.wenzheng.testsupport.BrowserTest;
import org.wenzheng.testsupport.Deployments;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person in a browser: the public home page, the staff sign-in, and the back-office home of each role. */
@ExtendWith(ArquillianExtension.class)
class SignInUiIT extends BrowserTest {

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
    void thePublicHomePageIsInChineseAndCanSwitchToEnglish() {
        browser.get(base.toString());
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.getTitle().contains("网络问政平台"), browser.getTitle());
        assertEquals("您的留言，我们件件有回音", browser.findElement(By.id("hero-title")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#latest .wz-board__row"));
        assertFalse(rows.isEmpty(), "the demo's accepted messages are on the board");
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        browser.findElement(By.id("lang:switch")).click();
        wait(ExpectedConditions.textToBe(By.id("hero-title"), "Every message gets an answer"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(browser.getPageSource().contains("???"), "no missing English translations");

        browser.findElement(By.id("lang:switch")).click();
        wait(ExpectedConditions.textToBe(By.id("hero-title"), "您的留言，我们件件有回音"));
    }

    @Test
    void theBackOfficeAsksStaffToSignInAndRefusesAWrongPassword() {
        browser.get(base + "office/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));
        signIn("intake", "not-the-password");
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertEquals("用户名或密码不正确。", error.getText());
        assertTrue(browser.findElements(By.id("office-title")).isEmpty());
    }

    @Test
    void aLiaisonSeesTheUnitsOpenCases() {
        signInFromHome("liaison");
        assertTrue(browser.findElement(By.id("office-title")).getText().contains("联系员 张伟"));
        WebElement panel = browser.findElement(By.id("panel-liaison"));
        assertTrue(panel.getText().contains("幸福路人行道破损多日无人修"), panel.getText());
        assertTrue(browser.findElements(By.id("panel-intake")).isEmpty(), "no intake panel for a liaison");
        assertRolesShown("LIAISON");

        // The public pages' header knows a signed-in member of staff: a link back to the office, not to sign in.
        browser.get(base + "board/index.xhtml");
        assertFalse(browser.findElements(By.cssSelector(".wz-nav a[href$='/office/index.xhtml']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".wz-nav a[href$='/login.xhtml']")).isEmpty());
    }

    @Test
    void theJsonApiReadsWithTheBrowsersSignInButChangesNothingWithIt() {
        signInFromHome("intake");
        assertFalse(browser.findElements(By.id("panel-intake")).isEmpty(), "signed in");
        browser.get(base + "api/v1/intake/queue");
        assertFalse(browser.getPageSource().contains("unauthenticated"), "reading with the session works");
        // A change through the API (cutting the batch, which the intake officer may do) needs a token: a script
        // (here one run in a back-office page) cannot ride on the session.
        browser.get(base + "office/index.xhtml");
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('" + base + "api/v1/batches', {method: 'POST', credentials: 'include'})"
                        + ".then(r => done(r.status), e => done(String(e)));");
        assertEquals(401L, status);
        browser.get(base + "office/index.xhtml");
        assertFalse(browser.findElements(By.id("panel-intake")).isEmpty(), "the page session is still there");
    }

    @Test
    void anIntakeOfficerSeesTheMessagesWaiting() {
        signInFromHome("intake");
        WebElement panel = browser.findElement(By.id("panel-intake"));
        assertTrue(panel.getText().matches("(?s).*有 \\d+ 条新留言等待受理登记.*"), panel.getText());
        assertTrue(browser.findElements(By.id("panel-liaison")).isEmpty());
        assertRolesShown("INTAKE_OFFICER");
    }

    @Test
    void eachOtherRoleReachesItsOwnBackOfficeHome() {
        for (String[] account : new String[][]{
                {"leader", "panel-leader", "LEADER"},
                {"supervisor", "panel-supervisor", "SUPERVISOR"},
                {"admin", "panel-admin", "ADMINISTRATOR"}}) {
            browser.manage().deleteAllCookies();
            signInFromHome(account[0]);
            assertTrue(browser.findElement(By.id(account[1])).isDisplayed(), account[0]);
            assertRolesShown(account[2]);
            browser.findElement(By.id("signOut:go")).click();
            wait(ExpectedConditions.presenceOfElementLocated(By.id("hero-title")));
        }
    }

    @Test
    void anAccountThatMustChangeItsPasswordIsKeptOnThePasswordPageUntilItDoes() throws Exception {
        String originalHash;
        try (var db = org.wenzheng.testsupport.TestDb.connect()) {
            var rs = db.createStatement().executeQuery("select password_hash from person where username = 'supervisor'");
            rs.next();
            originalHash = rs.getString(1);
            db.createStatement().executeUpdate("update person set must_change_password = true where username = 'supervisor'");
        }
        try {
            browser.get(base + "login.xhtml");
            signIn("supervisor", "wenzheng-demo");
            wait(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
            browser.get(base + "office/index.xhtml");
            wait(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
            assertTrue(browser.getCurrentUrl().endsWith("/office/password.xhtml"), browser.getCurrentUrl());

            browser.findElement(By.id("password:current")).sendKeys("wenzheng-demo");
            browser.findElement(By.id("password:next")).sendKeys("password123");
            browser.findElement(By.id("password:repeat")).sendKeys("password123");
            browser.findElement(By.id("password:submit")).click();
            WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id='password:next'] ~ *, .ui-message-error")));
            assertTrue(browser.getPageSource().contains("新密码太容易被猜到"), error.getText());

            browser.findElement(By.id("password:current")).sendKeys("wenzheng-demo");
            browser.findElement(By.id("password:next")).sendKeys("长江大桥-Tuesday-4711");
            browser.findElement(By.id("password:repeat")).sendKeys("长江大桥-Tuesday-4711");
            browser.findElement(By.id("password:submit")).click();
            wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
            assertTrue(browser.findElement(By.id("pageMessages")).getText().contains("密码已修改"));
        } finally {
            try (var db = org.wenzheng.testsupport.TestDb.connect();
                 var ps = db.prepareStatement("update person set password_hash = ?, must_change_password = false"
                         + " where username = 'supervisor'")) {
                ps.setString(1, originalHash);
                ps.executeUpdate();
            }
        }
    }

    private void signInFromHome(String username) {
        browser.get(base.toString());
        browser.findElement(By.linkText("工作人员登录")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));
        signIn(username, "wenzheng-demo");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

    private void assertRolesShown(String role) {
        List<String> roles = browser.findElements(By.cssSelector(".wz-roles .wz-tag")).stream()
                .map(e -> e.getAttribute("data-role")).toList();
        assertEquals(List.of(role), roles);
    }

}
