package org.wenzheng.common.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The reader's language: Simplified Chinese unless they chose English. The choice is kept in a cookie so that it is
 * remembered on the next visit, and also for citizens, who have no account. Read from the cookie on each request, so
 * that reading the board never needs an HTTP session (and the public page cache can key on the cookie).
 */
@Named
@RequestScoped
public class LocaleBean {
    static final String COOKIE = "wz-lang";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromCookie();
        }
        return locale;
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    /** A name kept in both languages (a unit, a topic), as this reader reads it: the English one if there is one. */
    public String name(String chinese, String english) {
        return isEnglish() && english != null && !english.isEmpty() ? english : chinese;
    }

    /** Switches language and reloads the same page. */
    public void switchTo(String language) throws IOException {
        locale = "en".equals(language) ? Locale.ENGLISH : CHINESE;
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        ec.addResponseCookie(COOKIE, locale.getLanguage(), Map.of("maxAge", 365 * 24 * 3600, "path",
                ec.getRequestContextPath().isEmpty() ? "/" : ec.getRequestContextPath(), "httpOnly", true,
                "SameSite", "Lax"));
        fc.getViewRoot().setLocale(locale);
        // Back to the same page: the switch is a POST to the bare view URL, so the page says where it was ("back",
        // a stateless page keeps no view parameters); otherwise the view with its parameters.
        String back = ec.getRequestParameterMap().get("back");
        String home = ec.getRequestContextPath() + "/";
        boolean onSite = back != null && back.startsWith(home) && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(ch -> ch < 0x20);
        ec.redirect(onSite ? back : fc.getApplication().getViewHandler().getBookmarkableURL(fc,
                fc.getViewRoot().getViewId(), Map.of(), true));
    }

    private static Locale fromCookie() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc != null) {
            Object c = fc.getExternalContext().getRequestCookieMap().get(COOKIE);
            if (c instanceof Cookie cookie && "en".equals(cookie.getValue())) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }
}
