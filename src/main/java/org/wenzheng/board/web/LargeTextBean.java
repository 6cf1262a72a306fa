package org.wenzheng.board.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Map;

/**
 * The large-text, high-contrast mode for older readers (适老化). The choice lives in a cookie, so it is remembered on
 * the next visit without an account; {@link #getCssClass()} is the class the page (later: the template's body) gets.
 */
@Named("largeText")
@ApplicationScoped // reads the request each time: nothing to keep, and one bean fewer to create per page
public class LargeTextBean {

    static final String COOKIE = "wz-large";
    public static final String CSS_CLASS = "wz-large";

    public boolean isOn() {
        Object c = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
        return c instanceof Cookie cookie && "1".equals(cookie.getValue());
    }

    public String getCssClass() {
        return isOn() ? CSS_CLASS : "";
    }

    /** The page's own address, to come back to after the toggle; rendered into the toggle form. */
    public String getHere() {
        HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String query = req.getQueryString();
        return req.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Switches the mode, remembers it for a year and reloads the page the reader was on. */
    public void toggle() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        boolean next = !isOn();
        String path = ec.getRequestContextPath().isEmpty() ? "/" : ec.getRequestContextPath();
        ec.addResponseCookie(COOKIE, next ? "1" : "0", Map.of("maxAge", 365 * 24 * 3600, "path", path,
                "httpOnly", true, "SameSite", "Lax"));
        ec.redirect(safeReturn(ec.getRequestParameterMap().get("back"), ec.getRequestContextPath()));
    }

    /** Only a path on this site, never another host (//evil.example or a scheme): otherwise the home page. */
    static String safeReturn(String back, String contextPath) {
        String home = contextPath + "/";
        if (back == null || back.isBlank() || !back.startsWith("/") || back.startsWith("//")
                || back.contains("\\") || back.chars().anyMatch(ch -> ch < 0x20)) {
            return home;
        }
        return back.startsWith(home) || back.equals(contextPath) ? back : home;
    }
}
