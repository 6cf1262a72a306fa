package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism Jakarta Security allows per application, with two ways in:
 * <ul>
 *   <li>Pages: staff sign in with the Faces form ({@code SignInBean} passes the credential); the sign-in is kept in
 *       the HTTP session, and protected pages send strangers to the sign-in page. (Done here rather than with
 *       {@code @AutoApplySession}/{@code @LoginToContinue}, which would also let the session in on API calls.)</li>
 *   <li>The JSON API ({@code /api/}): integrating systems send {@code Authorization: Bearer <token>}. The browser's
 *       session counts only for reading (GET), never for a change, so another site cannot make a signed-in
 *       browser change anything through the API (CSRF).</li>
 * </ul>
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String LOGIN_PAGE = "/login.xhtml";
    /** The session attribute with the signed-in person's name and roles. */
    static final String SESSION_CALLER = "wz.staffCaller";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isApi(request)) {
            return validateApi(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                // Kept by us, name and roles, rather than as the container's registered principal: explicit, and
                // never mixed up with a run-as identity left on a pooled thread.
                request.getSession(true).setAttribute(SESSION_CALLER,
                        new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (signedInCaller(request) != null) {
            return restoreSession(request, context);
        }
        if (context.isProtected()) {
            // The back office without a sign-in: to the sign-in page, which sends staff on to their office home.
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** A staff sign-in as the session keeps it. */
    record SessionCaller(String username, Set<String> groups) implements Serializable {
    }

    private static SessionCaller signedInCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller c ? c : null;
    }

    /** The sign-in kept in the session, told to the container again for this request. */
    private static AuthenticationStatus restoreSession(HttpServletRequest request, HttpMessageContext context) {
        SessionCaller caller = signedInCaller(request);
        return caller == null ? context.doNothing() : context.notifyContainerAboutLogin(caller.username(), caller.groups());
    }

    private static boolean isSafe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private AuthenticationStatus validateApi(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) throws AuthenticationException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // Reading with the page's sign-in is allowed (the back office links PDFs that the API serves); a change
            // never is, so another site cannot make a signed-in browser change anything (CSRF). Citizens' endpoints
            // need no credential; the services refuse staff operations to anonymous callers.
            return isSafe(request) ? restoreSession(request, context) : context.doNothing();
        }
        String secret = header.substring(BEARER.length()).strip();
        if (!secret.startsWith(ApiToken.PREFIX)) {
            // Not a staff token: posting channels use their own bearer tokens, checked by their resources.
            return context.doNothing();
        }
        Optional<ApiTokenService.Caller> caller = tokens.authenticate(secret);
        if (caller.isEmpty()) {
            return unauthorized(response, context);
        }
        return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(
                    "{\"code\":\"invalid_token\",\"message\":\"The API token is unknown, expired or revoked\"}"
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client has gone; the status is what matters.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
