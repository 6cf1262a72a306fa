package org.wenzheng.common.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrimeFacesThemeTest {

    @Test
    void thePublicPagesGoWithoutTheTheme() {
        for (String view : new String[]{"/index.xhtml", "/board/index.xhtml", "/board/thread.xhtml", "/board/post.xhtml",
                "/track/index.xhtml", "/bulletins/index.xhtml", "/error/not-found.xhtml"}) {
            assertEquals("none", PrimeFacesTheme.themeOf(view), view);
        }
    }

    @Test
    void theBackOfficeAndTheSignInPageKeepIt() {
        for (String view : new String[]{"/office/index.xhtml", "/office/intake/queue.xhtml", "/login.xhtml", null}) {
            assertEquals("saga-blue", PrimeFacesTheme.themeOf(view), String.valueOf(view));
        }
    }
}
