package org.wenzheng.board.api;

import org.wenzheng.board.PublicMessage;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the Atom feed of newly replied messages with an XML writer, which escapes every text; characters that XML
 * 1.0 cannot hold at all (control characters a citizen may have pasted) are dropped first, so the feed is always
 * well-formed.
 */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    /**
     * @param threadBase the thread page's URL up to and including "id=", to which each message id is appended
     */
    static byte[] write(String feedTitle, URI self, URI board, String threadBase, List<PublicMessage> entries,
                        OffsetDateTime now, String repliedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", board.toString());
            text(w, "title", feedTitle);
            OffsetDateTime updated = entries.isEmpty() || entries.get(0).repliedAt() == null
                    ? now : entries.get(0).repliedAt();
            text(w, "updated", rfc3339(updated));
            link(w, "self", self.toString(), "application/atom+xml");
            link(w, "alternate", board.toString(), "text/html");
            for (PublicMessage m : entries) {
                String url = threadBase + m.id();
                w.writeStartElement("entry");
                text(w, "id", url);
                text(w, "title", m.title());
                link(w, "alternate", url, "text/html");
                text(w, "published", rfc3339(m.postedAt()));
                text(w, "updated", rfc3339(m.repliedAt() == null ? m.postedAt() : m.repliedAt()));
                w.writeStartElement("category");
                w.writeAttribute("term", m.kind().name());
                w.writeEndElement();
                if (m.unitName() != null) {
                    w.writeStartElement("author");
                    text(w, "name", m.unitName());
                    w.writeEndElement();
                    text(w, "summary", repliedBy.replace("{0}", m.unitName()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(xmlSafe(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href));
    }

    private static String rfc3339(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Drops what XML 1.0 forbids: control characters other than tab, newline, return; lone surrogates; FFFE/FFFF. */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (ok) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
