package org.wenzheng.board.web;

import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import org.owasp.encoder.Encode;

import java.io.IOException;

/**
 * A board component that writes its own markup ({@link MessageList}, {@link FilterMenu}, {@link StatsStrip}): no
 * renderer and no children, the markup made in one string, every text escaped by the OWASP encoder so that what a
 * citizen typed is shown as text and never run, then handed to the response at once. These components write a few
 * hundred elements on every uncached search page; through the response writer's element and attribute calls, each one
 * checked, escaped character by character and wrapped by the CSP writer, that was 6 % of the page's processor time.
 */
public abstract class MarkupComponent extends UIComponentBase {

    /** The tags' namespace in the views: {@code xmlns:w="wenzheng"}. */
    public static final String NAMESPACE = "wenzheng";

    @Override
    public String getFamily() {
        return "org.wenzheng";
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // None: what write() makes is the content.
    }

    @Override
    public final void encodeBegin(FacesContext context) throws IOException {
        StringBuilder out = new StringBuilder(2048);
        write(context, out);
        context.getResponseWriter().write(out.toString());
    }

    /** Makes the component's markup, escaping every text with {@link #text} and {@link #attribute}. */
    protected abstract void write(FacesContext context, StringBuilder out);

    /** {@code <name class="styleClass">text</name>}, the class left out when null, the text escaped. */
    static void element(StringBuilder out, String name, String styleClass, String text) {
        out.append('<').append(name);
        if (styleClass != null) {
            out.append(" class=\"");
            attribute(out, styleClass);
            out.append('"');
        }
        out.append('>');
        text(out, text);
        out.append("</").append(name).append('>');
    }

    /** Text as element content, escaped. */
    static void text(StringBuilder out, String text) {
        if (text != null) {
            out.append(Encode.forHtmlContent(text));
        }
    }

    /** Text as the value of a double-quoted attribute, escaped. */
    static void attribute(StringBuilder out, String value) {
        if (value != null) {
            out.append(Encode.forHtmlAttribute(value));
        }
    }
}
