package org.wenzheng.common.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Lets a public page be kept in {@link PublicPageCache} past its time: the feature that owns the page says what its
 * data looks like now, as a fingerprint, so a stored page is served again only if nothing it shows has changed.
 * The page's bean publishes the fingerprint of the data it rendered with {@link #publish}; an implementation (a CDI
 * bean) recomputes it from the request for a stored page.
 */
public interface PublicPageValidator {

    /** The request attribute a page's bean sets to the fingerprint of what it rendered. */
    String ATTRIBUTE = "org.wenzheng.publicPageValidator";

    /** Whether this validator knows the page at this path (the request URI without the context path). */
    boolean handles(String path);

    /** The fingerprint of what the page would show now; empty if it would not be shown (then it is rendered). */
    Optional<String> current(HttpServletRequest request);

    static void publish(HttpServletRequest request, String fingerprint) {
        request.setAttribute(ATTRIBUTE, fingerprint);
    }
}
