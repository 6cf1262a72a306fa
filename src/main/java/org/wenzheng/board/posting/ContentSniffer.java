package org.wenzheng.board.posting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a file really is, from its first bytes (magic numbers), never from its name: an .exe renamed .jpg starts with
 * "MZ" and is refused. Only the types a citizen needs are allowed: JPEG, PNG, GIF, WebP images and PDF.
 */
public final class ContentSniffer {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private ContentSniffer() {
    }

    /** The media type the content is, or empty if it is none of the allowed ones. */
    public static Optional<String> detect(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (startsWith(content, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, GIF87) || startsWith(content, 0, GIF89)) {
            return Optional.of("image/gif");
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP)) {
            return Optional.of("image/webp");
        }
        if (startsWith(content, 0, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** File name extensions that may go with each allowed type; a name without an extension is fine. */
    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "image/jpeg", Set.of("jpg", "jpeg", "jpe", "jfif"),
            "image/png", Set.of("png"),
            "image/gif", Set.of("gif"),
            "image/webp", Set.of("webp"),
            "application/pdf", Set.of("pdf"));
    /**
     * Markers of a polyglot: an image or PDF that is also a page or a script (GIF89a followed by PHP or HTML). At
     * least five bytes each and searched case-insensitively in the whole file, so that random image data practically
     * never contains one (about 1 in 10,000 for a 5 MB file).
     */
    private static final List<byte[]> ACTIVE = ascii("<?php", "<script", "<html", "<!doctype", "<iframe", "<object",
            "<embed", "<svg ", "<svg>", "<svg/", "javascript:");
    /** A PDF that runs JavaScript or launches a program when opened (every such action is named so). */
    private static final List<byte[]> PDF_ACTIVE = ascii("/javascript", "/launch");

    private static List<byte[]> ascii(String... markers) {
        return Stream.of(markers).map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    /**
     * Like {@link #detect(byte[])}, and also refused (ASVS 12.2): a name whose extension says another type (a PDF or
     * an HTML page called photo.jpg, a JPEG called page.html) and content that is active as well as an image or PDF.
     */
    public static Optional<String> detect(String fileName, byte[] content) {
        Optional<String> type = detect(content);
        if (type.isEmpty()) {
            return type;
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && !EXTENSIONS.get(type.get()).contains(name.substring(dot + 1))) {
            return Optional.empty();
        }
        List<byte[]> markers = type.get().equals("application/pdf")
                ? Stream.concat(ACTIVE.stream(), PDF_ACTIVE.stream()).toList() : ACTIVE;
        for (byte[] marker : markers) {
            if (containsIgnoringCase(content, marker)) {
                return Optional.empty();
            }
        }
        return type;
    }

    private static boolean containsIgnoringCase(byte[] content, byte[] lowerMarker) {
        outer:
        for (int i = 0; i <= content.length - lowerMarker.length; i++) {
            for (int j = 0; j < lowerMarker.length; j++) {
                byte b = content[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + 32);
                }
                if (b != lowerMarker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
