package org.wenzheng.handling.api;

import org.wenzheng.common.ActionRefused;

/**
 * The handling API's request bodies. Checked by the service, not by constraint annotations: Payara's OpenAPI scanner
 * fails on those (see routing's Requests).
 */
public final class HandlingRequests {

    private HandlingRequests() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "handling.api.invalid");
        }
        return body;
    }

    /** A draft's text (HTML, sanitised on the server) and the reply version it was edited from (null: no draft yet). */
    public static class Draft {
        public String bodyHtml;
        public Long version;
    }

    /** The reply version the caller saw. */
    public static class Versioned {
        public Long version;
    }

    /** A leader's approval or send-back: the reply version reviewed and a comment (required to send back). */
    public static class Review {
        public Long version;
        public String comment;
    }

    /** 延期申请: how many more days, and why. */
    public static class Extension {
        public int days;
        public String reason;
    }

    /** A leader's decision on an extension request. */
    public static class Decision {
        public boolean grant;
        public String comment;
    }
}
