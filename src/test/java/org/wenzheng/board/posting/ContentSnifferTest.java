package org.wenzheng.board.posting;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentSnifferTest {

    /** The start of a real JPEG (JFIF) file. */
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01);
    /** A complete 1×1 PNG. */
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H',
            'D', 'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
            0x89, 0x00, 0x00, 0x00, 0x0D, 'I', 'D', 'A', 'T', 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00,
            0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    /** A Windows executable's DOS header, whatever the file is called. */
    static final byte[] EXE = bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF);

    @Test
    void imagesAndPdfAreRecognisedByTheirContent() {
        assertEquals(Optional.of("image/jpeg"), ContentSniffer.detect(JPEG));
        assertEquals(Optional.of("image/png"), ContentSniffer.detect(PNG));
        assertEquals(Optional.of("application/pdf"), ContentSniffer.detect(PDF));
        assertEquals(Optional.of("image/gif"), ContentSniffer.detect("GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of("image/webp"),
                ContentSniffer.detect("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void anExecutableHtmlOrScriptIsRefusedWhateverItsName() {
        assertEquals(Optional.empty(), ContentSniffer.detect(EXE));
        assertEquals(Optional.empty(), ContentSniffer.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), ContentSniffer.detect("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), ContentSniffer.detect(new byte[0]));
        assertEquals(Optional.empty(), ContentSniffer.detect(bytes(0xFF, 0xD8)), "too short to be a JPEG");
        assertEquals(Optional.empty(), ContentSniffer.detect(null));
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
