package org.wenzheng.board.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupComponentTest {

    @Test
    void textIsEscapedAndRareCharactersAreKeptExactly() {
        StringBuilder out = new StringBuilder();
        MarkupComponent.element(out, "span", "wz-kind", "<script>alert('x')</script> & 𠮷𡃁😀 噪音");
        assertEquals("<span class=\"wz-kind\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; 𠮷𡃁😀 噪音</span>",
                out.toString());
    }

    @Test
    void attributeValuesCannotCloseTheirQuotes() {
        StringBuilder out = new StringBuilder("<a href=\"");
        MarkupComponent.attribute(out, "/x?a=1&b=\"><script>");
        out.append("\">");
        assertEquals("<a href=\"/x?a=1&amp;b=&#34;>&lt;script>\">", out.toString());
    }

    @Test
    void noTextAndNoClassWriteAnEmptyElement() {
        StringBuilder out = new StringBuilder();
        MarkupComponent.element(out, "time", null, null);
        assertEquals("<time></time>", out.toString());
    }
}
