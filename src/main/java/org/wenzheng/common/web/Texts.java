package org.wenzheng.common.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Translated texts for backing beans: the same bundle the pages use as #{msg}. */
public final class Texts {

    public static final String BUNDLE = "messages";

    private Texts() {
    }

    public static String get(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale locale = fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : LocaleBean.CHINESE;
        return get(locale, key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader()).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** Adds a translated message for a field (clientId) or for the page (null). */
    public static void addMessage(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        String text = get(key, args);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
