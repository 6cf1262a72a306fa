package org.wenzheng.board.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import org.wenzheng.common.web.Texts;

import java.util.List;

/**
 * The public statistics strip of the home page, the board and the statistics page:
 * {@code <w:statsStrip id="stats" headingId="…" periods="#{statsBean.strip}" asOf="#{statsBean.asOf}"/>}. A section
 * headed "办理统计" with, for each period (this month, all time), received, replied, reply rate, on-time rate and average
 * days to reply, then how old the cached figures are and a link to the per-unit table. It was a composite component
 * with a {@code ui:repeat}; every uncached search page builds and writes it, and as a composite it was 3 % of that
 * page's processor time. Every text is escaped by {@link MarkupComponent}.
 */
@FacesComponent(value = StatsStrip.TYPE, createTag = true, tagName = "statsStrip", namespace = MarkupComponent.NAMESPACE)
public class StatsStrip extends MarkupComponent {

    static final String TYPE = "org.wenzheng.board.StatsStrip";

    /** The figures' labels, in the order shown, each with the period's value it labels. */
    private static final String[] LABELS = {"stats.received", "stats.replied", "stats.replyRate", "stats.onTimeRate",
            "stats.avgDays"};

    @Override
    @SuppressWarnings("unchecked")
    protected void write(FacesContext context, StringBuilder w) {
        String headingId = (String) getAttributes().get("headingId");
        List<StatsBean.Period> periods = (List<StatsBean.Period>) getAttributes().get("periods");
        w.append("<section class=\"wz-stats\" aria-labelledby=\"");
        attribute(w, headingId);
        w.append("\"><h2 id=\"");
        attribute(w, headingId);
        w.append("\">");
        text(w, Texts.get("stats.heading"));
        w.append("</h2><div class=\"wz-stats__grid\">");
        for (StatsBean.Period p : periods == null ? List.<StatsBean.Period>of() : periods) {
            w.append("<div class=\"wz-stats__period\">");
            element(w, "h3", "wz-stats__caption", p.caption());
            w.append("<dl>");
            String[] values = {p.received(), p.replied(), p.replyRate(), p.onTimeRate(), p.averageDays()};
            for (int i = 0; i < LABELS.length; i++) {
                w.append("<div>");
                element(w, "dt", null, Texts.get(LABELS[i]));
                element(w, "dd", null, values[i]);
                w.append("</div>");
            }
            w.append("</dl></div>");
        }
        w.append("</div><p class=\"wz-stats__asof\">");
        element(w, "span", "wz-stats__time", (String) getAttributes().get("asOf"));
        w.append(" <a href=\"");
        attribute(w, context.getExternalContext().getRequestContextPath() + "/board/stats.xhtml");
        w.append("\">");
        text(w, Texts.get("stats.more"));
        w.append("</a></p></section>");
    }
}
