package org.wenzheng.common.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie's Secure flag from {@code wz.http.secure-cookies} (default true: production is served over TLS,
 * directly or behind a proxy). web.xml cannot make it conditional, and a Secure cookie is never sent back over plain
 * HTTP, so the run command and the tests, which serve http://localhost, set it to false. HttpOnly and SameSite=Lax
 * stay in web.xml's session-config.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig().getOptionalValue("wz.http.secure-cookies", Boolean.class)
                .orElse(true);
        event.getServletContext().getSessionCookieConfig().setSecure(secure);
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
    }
}
