package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;

import java.io.IOException;
import java.util.List;

/**
 * The public list of messages, {@code <wz:messageList id="…" rows="#{…}"/>} in the namespace {@value #NAMESPACE}: one
 * {@code <li>} per {@link MessageRow}, with its kind, title (linked to the thread), unit, date posted, status badge and
 * date replied. Written here rather than as a {@code ui:repeat}, because the board renders a page of these for every
 * search: the repeat and its dozen expressions a row were a sixth of the search page's processor time. Every text is
 * escaped by {@link Markup}, so a title is shown as typed and never run.
 */
@FacesComponent(value = MessageList.TYPE, createTag = true, tagName = "messageList", namespace = MessageList.NAMESPACE)
public class MessageList extends UIComponentBase {

    static final String TYPE = "org.wenzheng.board.MessageList";
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
        // None: the rows are the content.
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encodeBegin(FacesContext context) throws IOException {
        List<MessageRow> rows = (List<MessageRow>) getAttributes().get("rows");
        String thread = context.getExternalContext().getRequestContextPath() + "/board/thread.xhtml?id=";
        // The labels a screen reader hears before a value the eye places by its position.
        String unitLabel = Texts.get("board.col.unit") + "：";
        String statusLabel = Texts.get("board.col.status") + "：";
        String posted = Texts.get("board.col.posted") + " ";
        StringBuilder w = new StringBuilder(8192);
        w.append("<ul id=\"");
        Markup.attribute(w, getClientId(context));
        w.append("\" class=\"wz-board\">");
        for (MessageRow row : rows == null ? List.<MessageRow>of() : rows) {
            String id = Long.toString(row.id());
            w.append("<li class=\"wz-board__row\" data-id=\"");
            w.append(id);
            w.append("\">");
            Markup.element(w, "span", "wz-kind", row.kind());
            w.append("<a href=\"");
            Markup.attribute(w, thread + id);
            // Titles are written by citizens, in Chinese whatever language the reader chose.
            w.append("\" class=\"wz-board__title\" lang=\"zh-CN\">");
            Markup.text(w, row.title());
            w.append("</a><span class=\"wz-board__meta\"><span>");
            Markup.element(w, "span", "wz-sr", unitLabel);
            Markup.text(w, row.unit());
            w.append("</span><span>");
            Markup.text(w, posted);
            Markup.element(w, "time", null, row.posted());
            w.append("</span><span>");
            Markup.element(w, "span", "wz-sr", statusLabel);
            Markup.element(w, "span", "wz-step wz-step--" + row.step(), row.stepLabel());
            w.append("</span>");
            Markup.element(w, "span", null, row.replied());
            w.append("</span></li>");
        }
        w.append("</ul>");
        // One write: the markup is made here, escaped, and handed to the response at once.
        context.getResponseWriter().write(w.toString());
    }
}
