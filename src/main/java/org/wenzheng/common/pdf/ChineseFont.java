package org.wenzheng.common.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every PDF uses: LXGW WenKai (霞鹜文楷) Regular 1.250, SIL Open Font License 1.1, shipped unmodified in
 * src/main/resources/fonts/ with its licence (OFL-LXGWWenKai.txt, which names its source: Debian's
 * fonts-lxgw-wenkai package).
 * <p>
 * Why this one: PDFBox embeds only TrueType-outline fonts ({@code PDType0Font.load}); Noto Sans/Serif CJK and Source
 * Han are CFF-outline OpenType and PDFBox 3 refuses to embed them ("OTF fonts do not have a glyf table"). LXGW WenKai
 * is TrueType, covers GB 2312 and the 通用规范汉字表 (plus many rarer characters), is readable in print, and as one
 * 15.7 MB file (about 9.8 MB compressed in the WAR) is smaller than a CJK collection. It is kept unmodified because
 * its licence reserves the names "LXGW" and "霞鹜" for modified versions, so a self-made subset would need renaming.
 * Each PDF embeds only the glyphs it uses (a few hundred KB at most).
 */
public final class ChineseFont {

    public static final String RESOURCE = "/fonts/LXGWWenKai-Regular.ttf";

    private static volatile byte[] bytes;

    private ChineseFont() {
    }

    /** The font file, read once from the class path and kept (parsing it per document costs about 0.3 s). */
    static byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (ChineseFont.class) {
                b = bytes;
                if (b == null) {
                    try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("Font " + RESOURCE + " is missing from the application");
                        }
                        b = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bytes = b;
                }
            }
        }
        return b;
    }
}
