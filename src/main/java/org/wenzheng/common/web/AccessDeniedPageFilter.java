package org.wenzheng.common.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A page whose bean let a service's role refusal through answers 403 with the forbidden page, as web.xml intends
 * for {@code EJBAccessException}: Faces wraps the exception (and Payara may throw {@code AccessLocalException}
 * instead), so the container's own mapping never matches and the person would get the error page with a 500.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true, dispatcherTypes = DispatcherType.REQUEST)
public class AccessDeniedPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!PageErrors.isAccessDenied(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
