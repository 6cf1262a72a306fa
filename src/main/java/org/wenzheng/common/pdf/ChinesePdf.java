package org.wenzheng.common.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A simple flowing A4 portrait document in Chinese: headings, wrapped paragraphs, "label：value" fields, ruled boxes
 * to write in by hand, page breaks that keep a block together, and on every page a running header and a footer such
 * as "第 1 页 共 3 页" (drawn once the page count is known). The font is {@link ChineseFont}, embedded as a subset.
 * Characters the font lacks print as "□" instead of failing the document. Not thread-safe; one per document.
 */
public final class ChinesePdf implements AutoCloseable {

    public static final float MARGIN = 56f;
    private static final float LEADING = 1.45f;
    private static final String MISSING = "□";

    private final PDDocument doc;
    private final PDType0Font font;
    private final PDRectangle size = PDRectangle.A4;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    /** Advance width per code point in 1/1000 em: measuring each character through the font is slow. */
    private final Map<Integer, Float> widths = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private ChinesePdf(String title, String author) {
        doc = new PDDocument();
        try {
            font = PDType0Font.load(doc, new ByteArrayInputStream(ChineseFont.bytes()), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreationDate(Calendar.getInstance());
        newPage();
    }

    /** A new A4 portrait document; the title and author go into the document properties. */
    public static ChinesePdf a4(String title, String author) {
        return new ChinesePdf(title, author);
    }

    /** The usable width between the margins, in points. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** Space left on the current page, in points. */
    public float remaining() {
        return y - MARGIN - 20f;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    public ChinesePdf keepTogether(float height) {
        if (height > remaining() && y < top()) {
            newPage();
        }
        return this;
    }

    public ChinesePdf space(float points) {
        y -= points;
        return this;
    }

    /** One line of text, centred. */
    public ChinesePdf centred(String text, float fontSize) {
        String s = printable(text);
        ensure(fontSize * LEADING);
        y -= fontSize * LEADING;
        draw(s, (size.getWidth() - textWidth(s, fontSize)) / 2, y, fontSize);
        return this;
    }

    /** Text wrapped to the width; line breaks in the text start new lines. */
    public ChinesePdf paragraph(String text, float fontSize) {
        return field(null, text, fontSize);
    }

    /** "label：value", the value wrapped with a hanging indent under itself. */
    public ChinesePdf field(String label, String value, float fontSize) {
        String prefix = label == null ? "" : printable(label) + "：";
        float indent = textWidth(prefix, fontSize);
        List<String> lines = wrap(value, fontSize, width() - indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(fontSize * LEADING);
            y -= fontSize * LEADING;
            if (i == 0 && !prefix.isEmpty()) {
                draw(prefix, MARGIN, y, fontSize);
            }
            draw(lines.get(i), MARGIN + indent, y, fontSize);
        }
        return this;
    }

    /** How tall {@link #field} would be, to keep a block together. */
    public float fieldHeight(String label, String value, float fontSize) {
        String prefix = label == null ? "" : printable(label) + "：";
        return wrap(value, fontSize, width() - textWidth(prefix, fontSize)).size() * fontSize * LEADING;
    }

    /** An empty ruled box of the full width with a label in its corner, for a handwritten entry. */
    public ChinesePdf writingBox(String label, float height, float fontSize) {
        ensure(height + 4);
        y -= 4;
        try {
            out.setLineWidth(0.6f);
            out.addRect(MARGIN, y - height, width(), height);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        draw(printable(label) + "：", MARGIN + 6, y - fontSize * LEADING, fontSize);
        y -= height;
        return this;
    }

    /** A thin line across the width. */
    public ChinesePdf rule() {
        ensure(8);
        y -= 4;
        try {
            out.setLineWidth(0.4f);
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + width(), y);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 4;
        return this;
    }

    /**
     * Draws the running header and the footer on every page and returns the PDF.
     *
     * @param runningHeader small text at the top of every page (null for none)
     * @param footer        page number and page count to footer text, e.g. "第 1 页 共 3 页"
     */
    public byte[] finish(String runningHeader, BiFunction<Integer, Integer, String> footer) {
        try {
            out.close();
            out = null;
            int count = doc.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream s = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    if (runningHeader != null) {
                        String h = printable(runningHeader);
                        text(s, h, size.getWidth() - MARGIN - textWidth(h, 9), size.getHeight() - MARGIN / 2 - 4, 9);
                    }
                    String f = printable(footer.apply(i + 1, count));
                    text(s, f, (size.getWidth() - textWidth(f, 10)) / 2, MARGIN / 2, 10);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text split into lines no wider than {@code maxWidth}; Chinese breaks anywhere, Latin words at spaces. */
    List<String> wrap(String text, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String p = printable(para);
            StringBuilder line = new StringBuilder();
            float w = 0;
            int lastSpace = -1;
            for (int i = 0; i < p.length(); ) {
                int cp = p.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw = textWidth(ch, fontSize);
                if (w + cw > maxWidth && line.length() > 0) {
                    if (cp != ' ' && lastSpace > 0 && lastSpace > line.length() / 2) {
                        String rest = line.substring(lastSpace + 1);
                        lines.add(line.substring(0, lastSpace));
                        line = new StringBuilder(rest);
                        w = textWidth(rest, fontSize);
                    } else {
                        lines.add(line.toString());
                        line = new StringBuilder();
                        w = 0;
                    }
                    lastSpace = -1;
                    if (cp == ' ') {
                        i += Character.charCount(cp);
                        continue;
                    }
                }
                if (cp == ' ') {
                    lastSpace = line.length();
                }
                line.append(ch);
                w += cw;
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Control characters become spaces; characters without a glyph in the font become □. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                sb.append(' ');
            } else if (hasGlyph(cp)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(MISSING);
            }
        });
        return sb.toString();
    }

    private boolean hasGlyph(int cp) {
        return glyphs.computeIfAbsent(cp, c -> {
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private float textWidth(String s, float fontSize) {
        float units = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            units += widths.computeIfAbsent(cp, c -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(c)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            i += Character.charCount(cp);
        }
        return units / 1000f * fontSize;
    }

    private float top() {
        return size.getHeight() - MARGIN;
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 20f) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = top();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(String s, float x, float atY, float fontSize) {
        text(out, s, x, atY, fontSize);
    }

    private void text(PDPageContentStream s, String text, float x, float atY, float fontSize) {
        if (text.isEmpty()) {
            return;
        }
        try {
            s.beginText();
            s.setFont(font, fontSize);
            s.newLineAtOffset(x, atY);
            s.showText(text);
            s.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
