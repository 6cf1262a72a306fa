package org.wenzheng.people.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wenzheng.people.PeopleService;

import java.io.IOException;
import java.security.Principal;
import java.time.OffsetDateTime;

/**
 * Ends a signed-in session that began before its owner (or an administrator) ended all their sessions, or whose
 * owner has been deactivated: the session is invalidated and the person is sent to sign in again; the API, which
 * reads with the page's sign-in, answers 401. The sign-in stores when the session began. An API call with a token
 * is not a session's: the token is checked on its own (deactivation stops it too).
 */
@WebFilter({"/office/*", "/api/*"})
public class SessionEpochFilter extends HttpFilter {

    /** The session attribute holding when this session signed in (an OffsetDateTime). */
    public static final String SIGNED_IN_AT = "wz.signedInAt";

    @Inject
    PeopleService people;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean api = req.getRequestURI().startsWith(req.getContextPath() + "/api/");
        HttpSession session = req.getSession(false);
        Principal principal = req.getUserPrincipal();
        if (session != null && principal != null && !(api && req.getHeader("Authorization") != null)) {
            OffsetDateTime started = (OffsetDateTime) session.getAttribute(SIGNED_IN_AT);
            if (!people.sessionStillValid(principal.getName(), started)) {
                req.logout();
                session.invalidate();
                if (api) {
                    res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    res.sendRedirect(req.getContextPath() + "/login.xhtml?ended=true");
                }
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
