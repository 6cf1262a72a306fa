package org.wenzheng.intake.api;

import jakarta.ws.rs.core.HttpHeaders;
import org.wenzheng.common.web.LocaleBean;

import java.util.Locale;

/** The language of API error messages: English if the caller prefers it, Chinese otherwise. */
final class ApiTexts {

    private ApiTexts() {
    }

    static Locale locale(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("zh".equals(l.getLanguage())) {
                    return LocaleBean.CHINESE;
                }
            }
        }
        return LocaleBean.CHINESE;
    }
}
