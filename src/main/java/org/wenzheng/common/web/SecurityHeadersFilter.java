package org.wenzheng.common.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Headers every response carries (OWASP ASVS 14.4, GB/T 22239 level 3):
 * <ul>
 * <li>Content-Security-Policy. Faces pages get the policy of web.xml's {@code primefaces.CSP_POLICY}, to which
 *     PrimeFaces' CSP mode adds a per-view nonce for script-src and moves every inline event handler (its own and
 *     Mojarra's) into a nonced script: no {@code 'unsafe-inline'} for scripts. Every other response (API, feed,
 *     files) gets the same policy without a nonce, and the API the strictest one; the wrapper below lets PrimeFaces'
 *     header replace the default instead of adding a second policy (browsers would enforce both).</li>
 * <li>No framing at all (frame-ancestors 'none', X-Frame-Options DENY), no content-type sniffing, no referrer to
 *     other sites (a thread URL says what a citizen read), no camera, microphone, location or payment, a separate
 *     browsing context group (COOP) and no cross-origin embedding of our resources (CORP).</li>
 * <li>HSTS only when the request came over TLS, directly or through a proxy listed in {@code wz.http.trusted-proxies}
 *     (comma-separated addresses or CIDR ranges) that says {@code X-Forwarded-Proto: https}; cookies then get the Secure flag too
 *     (the session cookie also from {@link SessionCookieSettings} in production).</li>
 * <li>SameSite=Lax on the session cookie: Payara Micro ignores web.xml's cookie attribute, so the Set-Cookie header is
 *     completed right after the container creates or renews the session.</li>
 * <li>No caching of back-office pages and the sign-in page (they hold personal data).</li>
 * </ul>
 */
// FORWARD and ERROR too: an error page is rendered on the container's own response, which must get the same
// single policy (PrimeFaces' nonced one replacing the default) as the page that failed.
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    public static final String CSP = "Content-Security-Policy";
    /** The API answers JSON only: nothing in it may load or run anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private String defaultPolicy;
    private TrustedProxies trustedProxies;

    @Override
    public void init() {
        String pagePolicy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
        defaultPolicy = pagePolicy == null || pagePolicy.isBlank() ? API_POLICY : pagePolicy.strip() + ";";
        // The people feature's ClientAddress reports malformed entries once; here they are simply not trusted.
        trustedProxies = TrustedProxies.parse(ConfigProvider.getConfig()
                .getOptionalValue("wz.http.trusted-proxies", String.class).orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean secure = isSecure(req);
        res.setHeader(CSP, path.startsWith("/api/") ? API_POLICY : defaultPolicy);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (secure) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.startsWith("/office/") || path.equals("/login.xhtml")) {
            res.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(new HardenedRequest(req, res, secure), new Hardened(res, secure));
    }

    /** TLS here, or at a trusted proxy in front of us. X-Forwarded-Proto from anyone else is ignored. */
    boolean isSecure(HttpServletRequest req) {
        return req.isSecure() || trustedProxies.contains(req.getRemoteAddr())
                && "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
    }

    /**
     * Two things the request needs under the CSP:
     * <ul>
     * <li>The container writes the session cookie itself when a session is created or its id renewed (sign-in), not
     *     through the response wrapper; the header is completed at that moment, while the response is still open.</li>
     * <li>PrimeFaces' CSP mode insists on the view's nonce coming back as the request parameter primefaces.nonce on
     *     every postback, which only its JavaScript adds to a form. A form on a page without PrimeFaces' script, or
     *     sent by a browser without JavaScript, would end in an error whenever the page is shown again (a wrong
     *     answer on the posting form, a wrong password). Without the parameter, the restored view's own nonce is
     *     given, which is what the script would have sent (a nonce that is sent must still match it); a stateless
     *     view keeps no nonce, so it gets a fresh one for this response, in PrimeFaces' own format.</li>
     * </ul>
     */
    static final class HardenedRequest extends HttpServletRequestWrapper {

        static final String NONCE = "primefaces.nonce";

        private final HttpServletResponse response;
        private final boolean secure;

        HardenedRequest(HttpServletRequest request, HttpServletResponse response, boolean secure) {
            super(request);
            this.response = response;
            this.secure = secure;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession existing = super.getSession(false);
            if (existing != null || !create) {
                return existing;
            }
            HttpSession created = super.getSession(true);
            completeSetCookies(response, secure);
            return created;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String getParameter(String name) {
            String value = super.getParameter(name);
            return value == null && NONCE.equals(name) ? viewNonce() : value;
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values == null && NONCE.equals(name)) {
                String nonce = viewNonce();
                return nonce == null ? null : new String[]{nonce};
            }
            return values;
        }

        private String freshNonce;

        private String viewNonce() {
            FacesContext fc = FacesContext.getCurrentInstance();
            UIViewRoot root = fc == null ? null : fc.getViewRoot();
            if (root == null) {
                return null;
            }
            Map<String, Object> viewMap = root.getViewMap(false);
            if (viewMap != null && viewMap.get(NONCE) instanceof String nonce) {
                return nonce;
            }
            if (freshNonce == null) {
                freshNonce = Base64.getEncoder().encodeToString(
                        UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            }
            return freshNonce;
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            completeSetCookies(response, secure);
            return id;
        }
    }

    /** Every Set-Cookie so far gets SameSite=Lax unless it has a SameSite, and Secure over TLS. */
    static void completeSetCookies(HttpServletResponse res, boolean secure) {
        if (res.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(res.getHeaders("Set-Cookie"));
        boolean first = true;
        for (String cookie : cookies) {
            String c = completeCookie(cookie, secure);
            if (first) {
                res.setHeader("Set-Cookie", c);
                first = false;
            } else {
                res.addHeader("Set-Cookie", c);
            }
        }
    }

    static String completeCookie(String cookie, boolean secure) {
        String lower = cookie.toLowerCase(Locale.ROOT);
        String c = cookie;
        if (!lower.contains("samesite=")) {
            c += "; SameSite=Lax";
        }
        if (secure && !Pattern.compile(";\\s*secure(;|$)").matcher(lower).find()) {
            c += "; Secure";
        }
        return c;
    }

    /** One CSP per response (the page's replaces the default), and Secure cookies over TLS. */
    static final class Hardened extends HttpServletResponseWrapper {

        private final boolean secure;

        Hardened(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (secure) {
                cookie.setSecure(true);
            }
            super.addCookie(cookie);
        }
    }
}
