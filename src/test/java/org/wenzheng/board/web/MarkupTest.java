package org.wenzheng.board.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import org.junit.jupiter.api.Test;

import java.io.Writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupTest {

    /** Collects what is written; the element calls are never used by Markup. */
    static final class Collecting extends ResponseWriter {
        final StringBuilder out = new StringBuilder();

        @Override public void write(char[] buf, int off, int len) { out.append(buf, off, len); }
        @Override public void write(String s) { out.append(s); }
        @Override public void write(int c) { out.append((char) c); }
        @Override public String getContentType() { return "text/html"; }
        @Override public String getCharacterEncoding() { return "UTF-8"; }
        @Override public void flush() { }
        @Override public void close() { }
        @Override public void startDocument() { throw new UnsupportedOperationException(); }
        @Override public void endDocument() { throw new UnsupportedOperationException(); }
        @Override public void startElement(String n, UIComponent c) { throw new UnsupportedOperationException(); }
        @Override public void endElement(String n) { throw new UnsupportedOperationException(); }
        @Override public void writeAttribute(String n, Object v, String p) { throw new UnsupportedOperationException(); }
        @Override public void writeURIAttribute(String n, Object v, String p) { throw new UnsupportedOperationException(); }
        @Override public void writeComment(Object c) { throw new UnsupportedOperationException(); }
        @Override public void writeText(Object t, String p) { throw new UnsupportedOperationException(); }
        @Override public void writeText(char[] t, int o, int l) { throw new UnsupportedOperationException(); }
        @Override public ResponseWriter cloneWithWriter(Writer w) { throw new UnsupportedOperationException(); }
    }

    @Test
    void textIsEscapedAndRareCharactersAreKeptExactly() throws Exception {
        Collecting w = new Collecting();
        Markup.element(w, "span", "wz-kind", "<script>alert('x')</script> & 𠮷𡃁😀 噪音");
        assertEquals("<span class=\"wz-kind\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; 𠮷𡃁😀 噪音</span>",
                w.out.toString());
    }

    @Test
    void attributeValuesCannotCloseTheirQuotes() throws Exception {
        Collecting w = new Collecting();
        w.write("<a href=\"");
        Markup.attribute(w, "/x?a=1&b=\"><script>");
        w.write("\">");
        assertEquals("<a href=\"/x?a=1&amp;b=&#34;>&lt;script>\">", w.out.toString());
    }

    @Test
    void noTextAndNoClassWriteAnEmptyElement() throws Exception {
        Collecting w = new Collecting();
        Markup.element(w, "time", null, null);
        assertEquals("<time></time>", w.out.toString());
    }
}
