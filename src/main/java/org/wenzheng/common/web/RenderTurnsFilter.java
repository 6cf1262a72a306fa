package org.wenzheng.common.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Renders each GET of a public reading page in turn ({@link RenderTurns}). Declared in web.xml after
 * {@link PublicPageCacheFilter}, so a page served stored takes no turn, and mapped to the same pages.
 */
public class RenderTurnsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Larger than a reading page (a board page of search results is about 30 KB). */
    private static final int BUFFER = 64 * 1024;

    @Inject
    RenderTurns turns;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // The page stays in the container's buffer until the turn is given back, so a slow connection does not hold
        // the turn while the page is sent. (A page the cache will store is written into memory anyway.)
        if (response.getBufferSize() < BUFFER) {
            response.setBufferSize(BUFFER);
        }
        try (RenderTurns.Turn turn = turns.take()) {
            chain.doFilter(request, response);
        }
    }
}
