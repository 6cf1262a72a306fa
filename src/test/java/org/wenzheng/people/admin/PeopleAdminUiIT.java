package org.wenzheng.people.admin;

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

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a browser: the administrator adds a liaison for 城市管理局 with an initial password; the liaison signs in, is
 * kept on the password page until they choose their own, and then sees the unit's inbox in the navigation; the
 * administrator verifies the audit chain on the audit page.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleAdminUiIT extends BrowserTest {

    static final String USERNAME = "paui-liaison";
    static final String INITIAL = "Huangpu-初始-3917-dawn";
    static final String CHOSEN = "Lijiang-自选-5521-dusk";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theAdministratorAddsALiaisonWhoChangesThePasswordAndSeesTheInboxThenTheChainIsVerified() {
        browser.manage().deleteAllCookies();
        signIn("admin", "wenzheng-demo");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
        browser.get(base + "office/admin/index.xhtml");
        browser.findElement(By.id("people")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("people-title")));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        browser.findElement(By.id("person:username")).sendKeys(USERNAME);
        browser.findElement(By.id("person:displayName")).sendKeys("城管新联系员");
        browser.findElement(By.id("person:email")).sendKeys("paui@cg.test");
        browser.findElement(By.id("person:password")).sendKeys(INITIAL);
        browser.findElement(By.xpath("//label[normalize-space(.)='单位联系员']")).click();
        browser.findElement(By.xpath("//label[normalize-space(text())='CG 城市管理局']")).click();
        browser.findElement(By.id("person:save")).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(done.getText().contains("已新增人员 " + USERNAME), done.getText());
        WebElement row = browser.findElement(By.xpath("//tr[.//span[@class='wz-username' and text()='" + USERNAME + "']]"));
        assertTrue(row.getText().contains("城市管理局") && row.getText().contains("须修改密码"), row.getText());
        browser.findElement(By.id("signOut:go")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("hero-title")));

        signIn(USERNAME, INITIAL);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("password-required")));
        browser.findElement(By.id("password:current")).sendKeys(INITIAL);
        browser.findElement(By.id("password:next")).sendKeys(CHOSEN);
        browser.findElement(By.id("password:repeat")).sendKeys(CHOSEN);
        browser.findElement(By.id("password:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
        assertTrue(browser.findElement(By.id("office-title")).getText().contains("城管新联系员"));
        WebElement nav = browser.findElement(By.cssSelector("header nav"));
        assertTrue(nav.getText().contains("待办案件"), "the unit inbox is in the navigation: " + nav.getText());
        assertTrue(browser.findElements(By.cssSelector("[data-role='LIAISON']")).size() == 1);
        // Their own account page: sign out everywhere ends this session too.
        browser.findElement(By.id("my-account")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("account-title")));
        browser.findElement(By.id("sessions:end")).click();
        WebElement ended = wait(ExpectedConditions.visibilityOfElementLocated(By.id("session-ended")));
        assertTrue(ended.getText().contains("您的会话已结束"), ended.getText());
        browser.get(base + "office/index.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signin:username")));

        signIn("admin", "wenzheng-demo");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
        browser.get(base + "office/admin/audit.xhtml");
        browser.findElement(By.id("search:actor")).sendKeys(USERNAME);
        browser.findElement(By.id("search:go")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("search:entries"), "PASSWORD_CHANGED"));
        browser.findElement(By.id("verify:go")).click();
        WebElement ok = wait(ExpectedConditions.visibilityOfElementLocated(By.id("verify:ok")));
        assertTrue(ok.getText().contains("日志链条完整"), ok.getText());

        // How approved replies are published: manual, saved, shown as chosen; then back to automatic.
        browser.get(base + "office/admin/settings.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("publication:mode:1"))).click();
        browser.findElement(By.id("publication:save")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(browser.findElement(By.id("publication:mode:1")).isSelected());
        browser.findElement(By.id("publication:mode:0")).click();
        WebElement save = browser.findElement(By.id("publication:save"));
        save.click();
        wait(ExpectedConditions.stalenessOf(save));
        assertTrue(wait(ExpectedConditions.presenceOfElementLocated(By.id("publication:mode:0"))).isSelected(),
                "back to automatic, as the other tests expect");
    }

    @Test
    void theAdministratorIssuesAChannelTokenSeesItOnceAndRevokesIt() {
        browser.manage().deleteAllCookies();
        signIn("admin", "wenzheng-demo");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("office-title")));
        browser.get(base + "office/admin/index.xhtml");
        browser.findElement(By.id("channels")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("channels-title")));
        assertFalse(browser.getPageSource().contains("???"), "no missing translations");

        // A name that is not allowed: the message is next to the field, and nothing is issued.
        browser.findElement(By.id("channel:name")).sendKeys("12345热线");
        browser.findElement(By.id("channel:issue")).click();
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#channel .wz-field-error")));
        assertTrue(error.getText().contains("2～30 个字母"), error.getText());
        assertTrue(browser.findElements(By.id("secret")).isEmpty());

        String name = "mini-" + System.nanoTime() % 100_000;
        WebElement field = browser.findElement(By.id("channel:name"));
        field.clear();
        field.sendKeys(name);
        browser.findElement(By.id("channel:issue")).click();
        WebElement secret = wait(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        assertTrue(secret.getText().length() >= 40, "the token is shown once: " + secret.getText());
        By row = By.xpath("//tr[.//span[@class='wz-channel-name' and text()='" + name + "']]");
        assertTrue(browser.findElement(row).getText().contains(secret.getText().substring(0, 6)),
                "the list shows the token's first characters");
        assertTrue(browser.findElement(row).getText().contains("启用"), browser.findElement(row).getText());

        browser.findElement(row).findElement(By.cssSelector("input[type=submit]")).click();
        WebElement done = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pageMessages li")));
        assertTrue(done.getText().contains("令牌已吊销"), done.getText());
        assertTrue(browser.findElement(row).getText().contains("已吊销"), browser.findElement(row).getText());
        assertTrue(browser.findElements(By.id("secret")).isEmpty(), "the secret is not shown again");
    }

    private void signIn(String username, String password) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

}
