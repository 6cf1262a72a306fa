package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import org.wenzheng.common.web.Texts;

import java.io.IOException;
import java.util.List;

/**
 * The public statistics strip of the home page, the board and the statistics page:
 * {@code <w:statsStrip id="stats" headingId="…" periods="#{statsBean.strip}" asOf="#{statsBean.asOf}"/>}. A section
 * headed "办理统计" with, for each period (this month, all time), received, replied, reply rate, on-time rate and average
 * days to reply, then how old the cached figures are and a link to the per-unit table. It was a composite component
 * with a {@code ui:repeat}; every uncached search page builds and writes it, and as a composite it was 3 % of that
 * page's processor time. Every text goes through {@link ResponseWriter#writeText}, which escapes it.
 */
@FacesComponent(value = StatsStrip.TYPE, createTag = true, tagName = "statsStrip", namespace = MessageList.NAMESPACE)
public class StatsStrip extends UIComponentBase {

    static final String TYPE = "org.wenzheng.board.StatsStrip";

    /** The figures' labels, in the order shown, each with the period's value it labels. */
    private static final String[] LABELS = {"stats.received", "stats.replied", "stats.replyRate", "stats.onTimeRate",
            "stats.avgDays"};

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
        // None: the figures are the content.
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encodeBegin(FacesContext context) throws IOException {
        String headingId = (String) getAttributes().get("headingId");
        List<StatsBean.Period> periods = (List<StatsBean.Period>) getAttributes().get("periods");
        ResponseWriter w = context.getResponseWriter();
        w.startElement("section", this);
        w.writeAttribute("class", "wz-stats", null);
        w.writeAttribute("aria-labelledby", headingId, null);
        w.startElement("h2", this);
        w.writeAttribute("id", headingId, null);
        w.writeText(Texts.get("stats.heading"), null);
        w.endElement("h2");
        w.startElement("div", this);
        w.writeAttribute("class", "wz-stats__grid", null);
        for (StatsBean.Period p : periods == null ? List.<StatsBean.Period>of() : periods) {
            w.startElement("div", this);
            w.writeAttribute("class", "wz-stats__period", null);
            w.startElement("h3", this);
            w.writeAttribute("class", "wz-stats__caption", null);
            w.writeText(p.caption(), null);
            w.endElement("h3");
            w.startElement("dl", this);
            String[] values = {p.received(), p.replied(), p.replyRate(), p.onTimeRate(), p.averageDays()};
            for (int i = 0; i < LABELS.length; i++) {
                w.startElement("div", this);
                Markup.element(w, this, "dt", null, Texts.get(LABELS[i]));
                Markup.element(w, this, "dd", null, values[i]);
                w.endElement("div");
            }
            w.endElement("dl");
            w.endElement("div");
        }
        w.endElement("div");
        w.startElement("p", this);
        w.writeAttribute("class", "wz-stats__asof", null);
        Markup.element(w, this, "span", "wz-stats__time", (String) getAttributes().get("asOf"));
        w.writeText(" ", null);
        w.startElement("a", this);
        w.writeURIAttribute("href", context.getExternalContext().getRequestContextPath() + "/board/stats.xhtml", null);
        w.writeText(Texts.get("stats.more"), null);
        w.endElement("a");
        w.endElement("p");
        w.endElement("section");
    }
}
