package org.wenzheng.board.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.board.BoardStatistics;
import org.wenzheng.board.StatsSnapshot;
import org.wenzheng.board.UnitStats;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.web.TimeFormat;

import org.wenzheng.board.StatsFigures;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statistics strip (home, board) and the per-unit table (/board/stats.xhtml), from the cached figures. Application
 * scoped: it keeps no reader's state, and the strip, on every board page, is formatted once per figures and language.
 */
@Named
@ApplicationScoped
public class StatsBean {

    @Inject
    BoardStatistics statistics;

    @Inject
    TimeFormat time;

    @Inject
    LocaleBean locale;

    private final Map<Locale, Strip> strips = new ConcurrentHashMap<>();

    public StatsSnapshot getSnapshot() {
        return statistics.current();
    }

    /** The strip's two periods, this month and all time, as shown: formatted in the reader's language. */
    public List<Period> getStrip() {
        StatsSnapshot snapshot = getSnapshot();
        Locale language = locale.getLocale();
        Strip strip = strips.get(language);
        if (strip == null || strip.snapshot() != snapshot) {
            strip = new Strip(snapshot, List.of(
                    period(language, "stats.thisMonth", snapshot.thisMonth()),
                    period(language, "stats.allTime", snapshot.allTime())));
            strips.put(language, strip);
        }
        return strip.periods();
    }

    private static Period period(Locale language, String caption, StatsFigures f) {
        return new Period(Texts.get(language, caption), String.valueOf(f.received()), String.valueOf(f.replied()),
                percent(language, f.replyRate()), percent(language, f.onTimeRate()),
                days(language, f.averageDaysToReply()));
    }

    /** One period of the strip, every figure a text. */
    public record Period(String caption, String received, String replied, String replyRate, String onTimeRate,
                         String averageDays) {
    }

    private record Strip(StatsSnapshot snapshot, List<Period> periods) {
    }

    /** "统计截至 2026-11-23 12:00": the figures are cached, so the page says how old they are. */
    public String getAsOf() {
        return Texts.get("stats.asOf", time.dateTime(getSnapshot().asOf()));
    }

    public String percent(Double value) {
        return percent(locale.getLocale(), value);
    }

    public String days(Double value) {
        return days(locale.getLocale(), value);
    }

    private static String percent(Locale language, Double value) {
        return value == null ? "—" : Texts.get(language, "stats.percent", oneDecimal(value));
    }

    private static String days(Locale language, Double value) {
        return value == null ? "—" : Texts.get(language, "stats.days", oneDecimal(value));
    }

    public String unitName(UnitStats unit) {
        if (unit.unitName() == null) {
            return Texts.get("stats.unassigned");
        }
        return locale.name(unit.unitName(), unit.unitNameEn());
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
