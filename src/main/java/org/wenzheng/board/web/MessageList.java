package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;

import java.util.List;

/**
 * The public list of messages, {@code <w:messageList id="…" rows="#{…}"/>} (namespace {@value MarkupComponent#NAMESPACE}): one
 * {@code <li>} per {@link MessageRow}, with its kind, title (linked to the thread), unit, date posted, status badge and
 * date replied. Written here rather than as a {@code ui:repeat}, because the board renders a page of these for every
 * search: the repeat and its dozen expressions a row were a sixth of the search page's processor time. Every text is
 * escaped by {@link MarkupComponent}, so a title is shown as typed and never run.
 */
@FacesComponent(value = MessageList.TYPE, createTag = true, tagName = "messageList", namespace = MarkupComponent.NAMESPACE)
public class MessageList extends MarkupComponent {

    static final String TYPE = "org.wenzheng.board.MessageList";

    @Override
    @SuppressWarnings("unchecked")
    protected void write(FacesContext context, StringBuilder w) {
        List<MessageRow> rows = (List<MessageRow>) getAttributes().get("rows");
        String thread = context.getExternalContext().getRequestContextPath() + "/board/thread.xhtml?id=";
        // The labels a screen reader hears before a value the eye places by its position.
        String unitLabel = Texts.get("board.col.unit") + "：";
        String statusLabel = Texts.get("board.col.status") + "：";
        String posted = Texts.get("board.col.posted") + " ";
        w.append("<ul id=\"");
        attribute(w, getClientId(context));
        w.append("\" class=\"wz-board\">");
        for (MessageRow row : rows == null ? List.<MessageRow>of() : rows) {
            String id = Long.toString(row.id());
            w.append("<li class=\"wz-board__row\" data-id=\"");
            w.append(id);
            w.append("\">");
            element(w, "span", "wz-kind", row.kind());
            w.append("<a href=\"");
            attribute(w, thread + id);
            // Titles are written by citizens, in Chinese whatever language the reader chose.
            w.append("\" class=\"wz-board__title\" lang=\"zh-CN\">");
            text(w, row.title());
            w.append("</a><span class=\"wz-board__meta\"><span>");
            element(w, "span", "wz-sr", unitLabel);
            text(w, row.unit());
            w.append("</span><span>");
            text(w, posted);
            element(w, "time", null, row.posted());
            w.append("</span><span>");
            element(w, "span", "wz-sr", statusLabel);
            element(w, "span", "wz-step wz-step--" + row.step(), row.stepLabel());
            w.append("</span>");
            element(w, "span", null, row.replied());
            w.append("</span></li>");
        }
        w.append("</ul>");
    }
}
