package org.wenzheng.common.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Chinese font is embedded, text flows over pages, and every page carries its number and the count. */
class ChinesePdfTest {

    @Test
    void chineseTextIsEmbeddedAndPagesAreNumbered() throws Exception {
        byte[] bytes;
        try (ChinesePdf pdf = ChinesePdf.a4("测试文档", "test")) {
            pdf.centred("网络舆情抄告单", 22);
            for (int i = 1; i <= 40; i++) {
                pdf.keepTogether(80).paragraph(i + "．小区门口停车收费太贵", 13)
                        .field("内容", "晚上噪音也很大，希望整改。The quick brown fox jumps over the lazy dog. "
                                .repeat(3) + "\u0007\uD840\uDC00", 10.5f)
                        .writingBox("批办意见", 40, 10.5f);
            }
            bytes = pdf.finish("页眉", (p, n) -> "第 " + p + " 页 共 " + n + " 页");
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages > 1, "40 blocks need more than one page");
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), a4.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), a4.getHeight(), 0.5);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("网络舆情抄告单"));
            assertTrue(text.contains("40．小区门口停车收费太贵"));
            assertTrue(text.contains("第 1 页 共 " + pages + " 页"), text);
            assertTrue(text.contains("第 " + pages + " 页 共 " + pages + " 页"));
            assertTrue(text.contains("□"), "a character the font lacks prints as a box");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
            }
        }
    }
}
