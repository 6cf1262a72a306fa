package org.wenzheng.board.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;

/** What the board's hand-written components ({@link MessageList}, {@link StatsStrip}) write alike. */
final class Markup {

    /** {@code <name class="styleClass">text</name>}, the class left out when null, the text escaped. */
    static void element(ResponseWriter w, UIComponent component, String name, String styleClass, String text)
            throws IOException {
        w.startElement(name, component);
        if (styleClass != null) {
            w.writeAttribute("class", styleClass, null);
        }
        w.writeText(text == null ? "" : text, null);
        w.endElement(name);
    }

    private Markup() {
    }
}
