package org.wenzheng.handling;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The allow-list for reply HTML, applied on the server before anything is stored: paragraphs and line breaks, lists,
 * bold, italic and underline, and links to http(s) addresses only, which always get {@code rel="nofollow noopener"}.
 * Everything else goes: scripts, styles and style attributes, event handlers, {@code javascript:} and {@code data:}
 * addresses, images, frames, forms and any other remote content. Element text is kept, markup is dropped.
 */
public final class ReplyHtml {

    /** Longest stored reply, in characters of HTML. */
    public static final int MAX_LENGTH = 20_000;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</p>|<br\\s*/?>|</li>");

    private ReplyHtml() {
    }

    /** The allowed part of {@code html}; empty for null. */
    public static String sanitise(String html) {
        if (html == null) {
            return "";
        }
        // The policy writes full-width punctuation as numeric references; characters beyond ASCII are never markup,
        // so they are stored as themselves.
        String clean = decodeNumeric(POLICY.sanitize(html), 128).replace("<br />", "<br>").strip();
        // The editor's empty document is "<p><br></p>": store it as empty.
        return plainText(clean).isBlank() ? "" : clean;
    }

    /** The text of (sanitised) reply HTML, paragraphs on their own lines, entities decoded. */
    public static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(BLOCK_END.matcher(html).replaceAll("\n")).replaceAll("");
        text = decodeNumeric(text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\""), 0);
        return text.replace("&amp;", "&").replaceAll("[ \\t]+\\n", "\n").strip();
    }

    /** Numeric character references of code points at or above {@code from} as the characters themselves. */
    private static String decodeNumeric(String s, int from) {
        return NUMERIC.matcher(s).replaceAll(m -> {
            String n = m.group(1);
            int cp;
            try {
                cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            } catch (NumberFormatException e) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
            if (cp < from || !Character.isValidCodePoint(cp) || (from > 0 && Character.isISOControl(cp))) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
            return java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(cp)));
        });
    }
}
