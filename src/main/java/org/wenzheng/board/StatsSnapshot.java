package org.wenzheng.board;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The public statistics as computed at {@code asOf}: overall and per unit, all time and this month. */
public record StatsSnapshot(OffsetDateTime asOf, StatsFigures allTime, StatsFigures thisMonth, List<UnitStats> units) {

    public Optional<UnitStats> unit(long unitId) {
        return units.stream().filter(u -> u.unitId() != null && u.unitId() == unitId).findFirst();
    }

    /** Sums per-unit rows into the overall figures, so both always agree. */
    public static StatsSnapshot of(OffsetDateTime asOf, List<UnitStats> units) {
        StatsFigures all = StatsFigures.ZERO;
        StatsFigures month = StatsFigures.ZERO;
        for (UnitStats u : units) {
            all = all.plus(u.allTime());
            month = month.plus(u.thisMonth());
        }
        return new StatsSnapshot(asOf, all, month, List.copyOf(units));
    }
}
