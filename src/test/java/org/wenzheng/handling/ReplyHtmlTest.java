package org.wenzheng.handling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyHtmlTest {

    @Test
    void keepsParagraphsListsEmphasisAndUnderline() {
        String html = "<p>您好，<b>已修复</b>，<i>谢谢</i>，<u>请留意</u>。</p><ul><li>一</li></ul><ol><li>二</li></ol>"
                + "<p>甲<br>乙<strong>丙</strong><em>丁</em></p>";
        assertEquals(html, ReplyHtml.sanitise(html));
    }

    @Test
    void dropsScriptsWithTheirContent() {
        assertEquals("<p>已处理。</p>", ReplyHtml.sanitise("<p>已处理。<script>alert(1)</script></p>"));
        assertEquals("", ReplyHtml.sanitise("<script>document.cookie</script>"));
    }

    @Test
    void dropsEventHandlers() {
        assertEquals("<p>好</p>", ReplyHtml.sanitise("<p onclick=\"alert(1)\">好</p>"));
        assertEquals("<b>粗</b>", ReplyHtml.sanitise("<b onmouseover=\"x()\" onerror=\"y()\">粗</b>"));
    }

    @Test
    void dropsImagesWithOnerrorAndDataAddresses() {
        assertEquals("<p>图</p>", ReplyHtml.sanitise("<p>图<img src=\"x\" onerror=\"alert(1)\"></p>"));
        assertEquals("<p>图</p>", ReplyHtml.sanitise("<p>图<img src=\"https://evil.example/p.png\"></p>"));
    }

    @Test
    void keepsHttpLinksWithNofollowNoopener() {
        String out = ReplyHtml.sanitise("<a href=\"https://www.gov.cn/x?a=1&b=2\" target=\"_blank\">政策</a>");
        assertTrue(out.startsWith("<a href=\"https://www.gov.cn/x?a&#61;1&amp;b&#61;2\""), out);
        assertTrue(out.contains("rel=\"nofollow noopener\""), out);
        assertTrue(out.endsWith(">政策</a>"), out);
        assertTrue(ReplyHtml.sanitise("<a href=\"http://example.org\">x</a>").contains("href=\"http://example.org\""));
    }

    @Test
    void dropsJavascriptAndDataLinksButKeepsTheirText() {
        assertEquals("点我", ReplyHtml.sanitise("<a href=\"javascript:alert(1)\">点我</a>"));
        assertEquals("点我", ReplyHtml.sanitise("<a href=\"JaVaScRiPt:alert(1)\">点我</a>"));
        assertEquals("看", ReplyHtml.sanitise("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">看</a>"));
        assertEquals("看", ReplyHtml.sanitise("<a href=\"ftp://example.org/f\">看</a>"));
    }

    @Test
    void dropsStylesStyleAttributesAndIframes() {
        assertEquals("<p>字</p>", ReplyHtml.sanitise("<style>p{color:red}</style><p style=\"color:red\">字</p>"));
        assertEquals("<p>前后</p>", ReplyHtml.sanitise("<p>前<iframe src=\"https://evil.example\"></iframe>后</p>"));
        assertEquals("<p>x</p>", ReplyHtml.sanitise("<p class=\"ql-align-center\">x<object data=\"y\"></object></p>"));
        String form = ReplyHtml.sanitise("<form action=\"https://e.x\"><input name=\"a\"></form><p>ok</p>");
        assertFalse(form.contains("form") || form.contains("input"), form);
    }

    @Test
    void theEditorsEmptyDocumentIsEmpty() {
        assertEquals("", ReplyHtml.sanitise("<p><br></p>"));
        assertEquals("", ReplyHtml.sanitise(null));
    }

    @Test
    void plainTextKeepsParagraphsAndDecodesEntities() {
        assertEquals("甲 & 乙\n丙@x.cn", ReplyHtml.plainText(ReplyHtml.sanitise("<p>甲 &amp; 乙</p><p>丙@x.cn</p>")));
    }
}
