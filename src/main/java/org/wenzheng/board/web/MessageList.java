package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import org.wenzheng.common.web.Texts;

import java.io.IOException;
import java.util.List;

/**
 * The public list of messages, {@code <wz:messageList id="…" rows="#{…}"/>} in the namespace {@value #NAMESPACE}: one
 * {@code <li>} per {@link MessageRow}, with its kind, title (linked to the thread), unit, date posted, status badge and
 * date replied. Written here rather than as a {@code ui:repeat}, because the board renders a page of these for every
 * search: the repeat and its dozen expressions a row were a sixth of the search page's processor time. Every text is
 * written through {@link ResponseWriter#writeText}, which escapes it, so a title is shown as typed and never run.
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
        ResponseWriter w = context.getResponseWriter();
        w.startElement("ul", this);
        w.writeAttribute("id", getClientId(context), "id");
        w.writeAttribute("class", "wz-board", null);
        for (MessageRow row : rows == null ? List.<MessageRow>of() : rows) {
            String id = Long.toString(row.id());
            w.startElement("li", this);
            w.writeAttribute("class", "wz-board__row", null);
            w.writeAttribute("data-id", id, null);
            Markup.element(w, this, "span", "wz-kind", row.kind());
            w.startElement("a", this);
            w.writeURIAttribute("href", thread + id, null);
            w.writeAttribute("class", "wz-board__title", null);
            // Titles are written by citizens, in Chinese whatever language the reader chose.
            w.writeAttribute("lang", "zh-CN", null);
            w.writeText(row.title(), null);
            w.endElement("a");
            w.startElement("span", this);
            w.writeAttribute("class", "wz-board__meta", null);

            w.startElement("span", this);
            Markup.element(w, this, "span", "wz-sr", unitLabel);
            w.writeText(row.unit(), null);
            w.endElement("span");

            w.startElement("span", this);
            w.writeText(posted, null);
            Markup.element(w, this, "time", null, row.posted());
            w.endElement("span");

            w.startElement("span", this);
            Markup.element(w, this, "span", "wz-sr", statusLabel);
            Markup.element(w, this, "span", "wz-step wz-step--" + row.step(), row.stepLabel());
            w.endElement("span");

            Markup.element(w, this, "span", null, row.replied());
            w.endElement("span");
            w.endElement("li");
        }
        w.endElement("ul");
    }
}
