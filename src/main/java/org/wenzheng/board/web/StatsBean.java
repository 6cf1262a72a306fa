package org.wenzheng.board.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardStatistics;
import org.wenzheng.board.StatsSnapshot;
import org.wenzheng.board.UnitStats;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.web.TimeFormat;

import java.util.Locale;

/** The statistics strip (home, board) and the per-unit table (/board/stats.xhtml), from the cached figures. */
@Named
@RequestScoped
public class StatsBean {

    @Inject
    BoardStatistics statistics;

    @Inject
    TimeFormat time;

    @Inject
    LocaleBean locale;

    private StatsSnapshot snapshot;

    public StatsSnapshot getSnapshot() {
        if (snapshot == null) {
            snapshot = statistics.current();
        }
        return snapshot;
    }

    /** "统计截至 2026-11-23 12:00": the figures are cached, so the page says how old they are. */
    public String getAsOf() {
        return Texts.get("stats.asOf", time.dateTime(getSnapshot().asOf()));
    }

    public String percent(Double value) {
        return value == null ? "—" : Texts.get("stats.percent", oneDecimal(value));
    }

    public String days(Double value) {
        return value == null ? "—" : Texts.get("stats.days", oneDecimal(value));
    }

    public String unitName(UnitStats unit) {
        if (unit.unitName() == null) {
            return Texts.get("stats.unassigned");
        }
        return locale.isEnglish() && unit.unitNameEn() != null ? unit.unitNameEn() : unit.unitName();
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
