package org.wenzheng.routing.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.ClockProducer;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.routing.RoutingService;
import org.wenzheng.routing.RoutingViews.ReturnStat;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Returns per unit over a period the reader chooses (at most a year), in Shanghai days. */
@Named
@ViewScoped
public class ReturnsReportBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RoutingService routing;

    /** Transient: a Clock is not serializable, and only the first request of the view needs it. */
    @Inject
    transient Clock clock;

    private LocalDate from;
    private LocalDate to;
    private List<ReturnStat> stats;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        to = LocalDate.now(clock.withZone(ClockProducer.ZONE));
        from = to.minusDays(29);
        try {
            show();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void show() {
        try {
            stats = routing.returnsReport(from.atStartOfDay(ClockProducer.ZONE).toOffsetDateTime(),
                    to.plusDays(1).atStartOfDay(ClockProducer.ZONE).toOffsetDateTime());
        } catch (org.wenzheng.common.ActionRefused e) {
            stats = List.of();
            PageErrors.action(e, "period:from", "routing.api.forbidden");
        }
    }

    public long getTotal() {
        return stats == null ? 0 : stats.stream().mapToLong(ReturnStat::count).sum();
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public List<ReturnStat> getStats() { return stats == null ? List.of() : stats; }
}
