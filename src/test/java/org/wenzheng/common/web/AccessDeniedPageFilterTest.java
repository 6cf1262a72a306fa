package org.wenzheng.common.web;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessDeniedPageFilterTest {

    private final List<Integer> errors = new ArrayList<>();
    private boolean committed;

    private final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class}, (p, m, a) -> null);
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class}, (p, m, a) -> {
                switch (m.getName()) {
                    case "sendError" -> errors.add((Integer) a[0]);
                    case "isCommitted" -> {
                        return committed;
                    }
                    default -> {
                    }
                }
                return null;
            });

    private void run(Exception thrown) throws Exception {
        FilterChain chain = (req, res) -> {
            if (thrown instanceof ServletException s) {
                throw s;
            }
            throw (RuntimeException) thrown;
        };
        new AccessDeniedPageFilter().doFilter(request, response, chain);
    }

    @Test
    void aRoleRefusalWrappedByFacesIsA403() throws Exception {
        run(new ServletException(new FacesException(new EJBAccessException("refused"))));
        run(new FacesException(new AccessLocalException("refused")));
        assertEquals(List.of(403, 403), errors);
    }

    @Test
    void anythingElseStaysAFailure() {
        ServletException other = new ServletException(new IllegalStateException("broken"));
        assertSame(other, assertThrows(ServletException.class, () -> run(other)));
        assertTrue(errors.isEmpty());
    }

    @Test
    void aResponseAlreadySentCannotBecomeA403() {
        committed = true;
        assertThrows(ServletException.class, () -> run(new ServletException(new EJBAccessException("late"))));
        assertTrue(errors.isEmpty());
    }
}
