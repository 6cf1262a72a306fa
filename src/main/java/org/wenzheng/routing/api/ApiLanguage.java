package org.wenzheng.routing.api;

import jakarta.ws.rs.core.HttpHeaders;
import org.wenzheng.common.web.LocaleBean;

import java.util.Locale;

/** API messages are Chinese unless the client prefers English. */
final class ApiLanguage {

    private ApiLanguage() {
    }

    static Locale of(HttpHeaders headers) {
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
