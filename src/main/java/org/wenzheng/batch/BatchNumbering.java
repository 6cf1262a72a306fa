package org.wenzheng.batch;

import java.time.Instant;
import java.time.ZoneId;

/** Batch numbers run per year from 1, without gaps: "2026年第123期". The year is the cut's year in China. */
public final class BatchNumbering {

    private BatchNumbering() {
    }

    /** The year a batch cut at this instant belongs to (a cut at 2026-12-31 17:00 UTC is already 2027 in China). */
    public static int yearOf(Instant cutAt, ZoneId zone) {
        return cutAt.atZone(zone).getYear();
    }

    /** The number after the year's highest so far; 1 for the year's first batch. */
    public static int next(Integer highestThisYear) {
        return highestThisYear == null ? 1 : highestThisYear + 1;
    }

    public static String label(int year, int number) {
        return year + "年第" + number + "期";
    }
}
