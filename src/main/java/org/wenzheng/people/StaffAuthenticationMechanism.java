package org.wenzheng.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

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
                context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (request.getUserPrincipal() != null) {
            return restoreSession(request, context);
        }
        if (context.isProtected()) {
            // The back office without a sign-in: to the sign-in page, which sends staff on to their office home.
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** A sign-in kept in the session: hands the container its principal back, as AutoApplySession would. */
    private static AuthenticationStatus restoreSession(HttpServletRequest request, HttpMessageContext context)
            throws AuthenticationException {
        Principal kept = request.getUserPrincipal();
        if (kept == null) {
            return context.doNothing();
        }
        try {
            context.getHandler().handle(new Callback[]{new CallerPrincipalCallback(context.getClientSubject(), kept)});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException(e);
        }
        return AuthenticationStatus.SUCCESS;
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
