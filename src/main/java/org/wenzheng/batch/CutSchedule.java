package org.wenzheng.batch;

import org.wenzheng.deadline.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * When the daily batch is cut: at {@code cutTime} (wz.batch.cutTime, default 16:00) on every working day of the
 * official calendar (holidays skipped, make-up Saturdays included), in China's time zone.
 */
public record CutSchedule(LocalTime cutTime, ZoneId zone) {

    /** The first cut strictly after {@code after}: today's if it is a working day and the cut is still ahead. */
    public OffsetDateTime nextAfter(OffsetDateTime after, WorkingDayCalendar calendar) {
        LocalDate day = after.atZoneSameInstant(zone).toLocalDate();
        if (!calendar.isWorkingDay(day) || !cutOn(day).isAfter(after)) {
            day = calendar.nextWorkingDay(day);
        }
        return cutOn(day);
    }

    private OffsetDateTime cutOn(LocalDate day) {
        return day.atTime(cutTime).atZone(zone).toOffsetDateTime();
    }
}
