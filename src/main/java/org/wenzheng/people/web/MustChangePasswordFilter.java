package org.wenzheng.people.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Keeps a member of staff who must change their password (the first administrator, an account reset by an
 * administrator) on the password page until they have. The sign-in sets the session flag.
 */
@WebFilter("/office/*")
public class MustChangePasswordFilter extends HttpFilter {

    static final String FLAG = "wz.mustChangePassword";
    static final String PAGE = "/office/password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = req.getSession(false);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (session != null && session.getAttribute(FLAG) != null && !path.equals(PAGE)
                && !path.startsWith("/jakarta.faces.resource/")) {
            res.sendRedirect(req.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(req, res);
    }
}
