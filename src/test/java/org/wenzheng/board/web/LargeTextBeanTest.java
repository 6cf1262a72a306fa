package org.wenzheng.board.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LargeTextBeanTest {

    @Test
    void returnsOnlyToPagesOfThisSite() {
        assertEquals("/board/index.xhtml?kind=HELP", LargeTextBean.safeReturn("/board/index.xhtml?kind=HELP", ""));
        assertEquals("/wz/board/index.xhtml", LargeTextBean.safeReturn("/wz/board/index.xhtml", "/wz"));
        assertEquals("/", LargeTextBean.safeReturn("//evil.example/x", ""));
        assertEquals("/", LargeTextBean.safeReturn("https://evil.example/", ""));
        assertEquals("/", LargeTextBean.safeReturn("/\\evil.example", ""));
        assertEquals("/", LargeTextBean.safeReturn("/a\r\nSet-Cookie: x=1", ""));
        assertEquals("/", LargeTextBean.safeReturn(null, ""));
        assertEquals("/wz/", LargeTextBean.safeReturn("/other/app", "/wz"));
    }
}
