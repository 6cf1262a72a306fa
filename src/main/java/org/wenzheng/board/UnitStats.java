package org.wenzheng.board;

/** One unit's figures, all time and this month; a null unit id stands for messages not yet assigned to a unit. */
public record UnitStats(Long unitId, String unitName, String unitNameEn, StatsFigures allTime,
                       StatsFigures thisMonth) {
}
