package org.wenzheng.board.posting;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files that pretend to be something else are refused (issue #8, ASVS 12.2). */
class UploadDisguiseTest {

    private static final byte[] JPEG_HEAD = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F',
            'I', 'F', 0};

    private static byte[] concat(byte[] a, String b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void realFilesWithTheirOwnNamesPass() {
        assertEquals(Optional.of("image/jpeg"), ContentSniffer.detect("现场照片.JPG", concat(JPEG_HEAD, "\u0001\u0002")));
        assertEquals(Optional.of("image/jpeg"), ContentSniffer.detect("photo.jpeg", JPEG_HEAD));
        assertEquals(Optional.of("image/jpeg"), ContentSniffer.detect("no-extension", JPEG_HEAD));
        assertEquals(Optional.of("application/pdf"),
                ContentSniffer.detect("情况说明.pdf", bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")));
    }

    @Test
    void scriptsAndPagesRenamedAsImagesAreRefused() {
        assertEquals(Optional.empty(), ContentSniffer.detect("shell.jpg", bytes("<?php system($_GET['c']); ?>")));
        assertEquals(Optional.empty(), ContentSniffer.detect("page.jpg", bytes("<html><script>alert(1)</script>")));
    }

    @Test
    void aTypeWhoseNameSaysAnotherIsRefused() {
        assertEquals(Optional.empty(), ContentSniffer.detect("photo.jpg", bytes("%PDF-1.4\n%%EOF")), "PDF called .jpg");
        assertEquals(Optional.empty(), ContentSniffer.detect("page.html", JPEG_HEAD), "JPEG called .html");
        assertEquals(Optional.empty(), ContentSniffer.detect("x.php", JPEG_HEAD));
        assertEquals(Optional.empty(), ContentSniffer.detect("x.svg", bytes("GIF89a")));
    }

    @Test
    void polyglotsAreRefused() {
        assertEquals(Optional.empty(), ContentSniffer.detect("a.gif", bytes("GIF89a/*\u0001\u0000*/=1;<?PHP echo 1;")));
        assertEquals(Optional.empty(), ContentSniffer.detect("a.gif", bytes("GIF89a\u0001\u0001<SCRIPT>alert(1)</script>")));
        assertEquals(Optional.empty(), ContentSniffer.detect("a.jpg", concat(JPEG_HEAD, "<svg onload=alert(1)>")));
        assertEquals(Optional.empty(), ContentSniffer.detect("a.pdf",
                bytes("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")));
        assertEquals(Optional.empty(), ContentSniffer.detect("a.pdf", bytes("%PDF-1.4\n<< /S /Launch /F (cmd.exe) >>")));
    }
}
