package org.wenzheng.common.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Serves the public reading pages (home, board, thread, statistics, bulletins) from {@link PublicPageCache} to
 * anonymous readers. Declared first in web.xml so that a stored page carries the headers the other filters set.
 * <p>
 * Only GETs by someone with no session, no sign-in and no Authorization header use it, so a page that differs per
 * person (a signed-in officer's navigation) is never stored or served. The key is the URL with its query and the
 * reader's display cookies ({@code wz-*}: language, large text). A response is stored only if it is a 200 HTML page
 * that set no cookie and did not say {@code Cache-Control: no-store}. A page whose bean published a fingerprint
 * ({@link PublicPageValidator}) is stored with it and revalidated instead of dropped when it is old or public content
 * changed. Each replay gets a fresh CSP nonce, in the header and in the page alike ({@link NonceTemplate}).
 */
public class PublicPageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 512 * 1024;

    @Inject
    PublicPageCache cache;

    @Inject
    Instance<PublicPageValidator> validators;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!cache.enabled() || !"GET".equals(request.getMethod()) || request.getSession(false) != null
                || request.getUserPrincipal() != null || request.getHeader("Authorization") != null) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        PublicPageCache.Lookup found = cache.get(key);
        PublicPageCache.Page page = found == null ? null : found.page();
        if (page != null && found.needsRevalidation()) {
            long generation = cache.currentGeneration();
            if (page.validator().equals(currentFingerprint(request).orElse(null))) {
                cache.revalidated(key, page, generation);
            } else {
                cache.remove(key);
                page = null;
            }
        }
        if (page != null) {
            NonceTemplate body = page.body();
            String fresh = body.hasNonce() ? NonceTemplate.freshNonce() : null;
            byte[] freshBytes = fresh == null ? new byte[0] : fresh.getBytes(StandardCharsets.US_ASCII);
            for (Map.Entry<String, String> h : page.headers()) {
                response.addHeader(h.getKey(), fresh == null ? h.getValue() : body.header(h.getValue(), fresh));
            }
            response.setContentType(page.contentType());
            response.setContentLength(body.length(freshBytes.length));
            body.writeTo(response.getOutputStream(), freshBytes);
            return;
        }
        long generation = cache.currentGeneration();
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        if (buffered.status() == HttpServletResponse.SC_OK && !buffered.setCookie() && body.length <= MAX_BODY
                && buffered.headers().stream().noneMatch(h -> "Cache-Control".equalsIgnoreCase(h.getKey())
                        && h.getValue().contains("no-store"))
                && buffered.getContentType() != null && buffered.getContentType().startsWith("text/html")
                && request.getSession(false) == null) {
            Object fingerprint = request.getAttribute(PublicPageValidator.ATTRIBUTE);
            List<Map.Entry<String, String>> headers = buffered.headers();
            NonceTemplate template = NonceTemplate.of(body, headers);
            if (template != null) {
                cache.put(key, new PublicPageCache.Page(template, buffered.getContentType(), headers, generation,
                        System.nanoTime(), fingerprint instanceof String f ? f : null));
            }
        }
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }

    private Optional<String> currentFingerprint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (PublicPageValidator validator : validators) {
            if (validator.handles(path)) {
                return validator.current(request);
            }
        }
        return Optional.empty();
    }

    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        Cookie[] cookies = request.getCookies();
        String display = cookies == null ? "" : Arrays.stream(cookies)
                .filter(c -> c.getName().startsWith("wz-"))
                .sorted(Comparator.comparing(Cookie::getName))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining(";"));
        return request.getRequestURI() + (query == null ? "" : "?" + query) + "|" + display;
    }
}
