package org.wenzheng.board.api;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.PublicMessage;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AtomFeedTest {

    @Test
    void titlesAreEscapedAndTheFeedIsWellFormed() throws Exception {
        OffsetDateTime posted = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
        PublicMessage m = new PublicMessage(42L, "<script>alert(1)</script> & \u0007噪音", MessageKind.COMPLAINT,
                "城市管理局", null, null, null, posted, MessageStatus.REPLIED, posted.plusDays(1));
        byte[] xml = AtomFeed.write("最新答复", URI.create("http://h/api/v1/board/feed.atom"),
                URI.create("http://h/board/index.xhtml"), "http://h/board/thread.xhtml?id=", List.of(m),
                posted.plusDays(2), "{0} 已答复");
        String text = new String(xml, StandardCharsets.UTF_8);
        assertFalse(text.contains("<script>"), text);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element feed = doc.getDocumentElement();
        assertEquals(AtomFeed.ATOM, feed.getNamespaceURI());
        NodeList entries = doc.getElementsByTagNameNS(AtomFeed.ATOM, "entry");
        assertEquals(1, entries.getLength());
        Element entry = (Element) entries.item(0);
        assertEquals("<script>alert(1)</script> & 噪音",
                entry.getElementsByTagNameNS(AtomFeed.ATOM, "title").item(0).getTextContent());
        assertEquals("http://h/board/thread.xhtml?id=42",
                entry.getElementsByTagNameNS(AtomFeed.ATOM, "id").item(0).getTextContent());
        assertEquals("2026-11-21T01:00:00Z", entry.getElementsByTagNameNS(AtomFeed.ATOM, "updated").item(0)
                .getTextContent());
        assertEquals("城市管理局 已答复", entry.getElementsByTagNameNS(AtomFeed.ATOM, "summary").item(0)
                .getTextContent());
    }

    @Test
    void xmlSafeDropsOnlyWhatXmlCannotHold() {
        assertEquals("a\tb\nc😀", AtomFeed.xmlSafe("a\tb\u0000\nc\uFFFE😀\uD800"));
        assertEquals("", AtomFeed.xmlSafe(null));
    }
}
