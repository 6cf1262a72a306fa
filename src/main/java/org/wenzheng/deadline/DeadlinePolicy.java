package org.wenzheng.deadline;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The administrator's deadline settings. A case keeps the policy it was opened under, so a change applies to new
 * cases only.
 *
 * @param normalDays      days to reply to a message (procedure: 3)
 * @param urgentDays      days to reply to an urgent message, counted from the forwarding slip (procedure: 2)
 * @param capDays         latest reply even with an extension, counted from the message (procedure: 5)
 * @param workingDays     true to count working days from the calendar, false to count calendar days
 * @param endOfWorkingDay when a day's work ends: a deadline falls at this time, and a message posted at or after it
 *                        is taken as received on the next (working) day
 * @param zone            the zone in which days begin and end, and in which times are shown
 */
public record DeadlinePolicy(int normalDays, int urgentDays, int capDays, boolean workingDays,
                             LocalTime endOfWorkingDay, ZoneId zone) {

    public DeadlinePolicy {
        positive("normalDays", normalDays);
        positive("urgentDays", urgentDays);
        positive("capDays", capDays);
        if (urgentDays > capDays) {
            throw new IllegalArgumentException("urgentDays (" + urgentDays + ") must not exceed capDays (" + capDays + ")");
        }
        if (normalDays > capDays) {
            throw new IllegalArgumentException("normalDays (" + normalDays + ") must not exceed capDays (" + capDays + ")");
        }
        Objects.requireNonNull(endOfWorkingDay, "endOfWorkingDay");
        Objects.requireNonNull(zone, "zone");
        if (endOfWorkingDay.equals(LocalTime.MIDNIGHT)) {
            // At midnight no posting would ever be "before the end of the working day".
            throw new IllegalArgumentException("endOfWorkingDay must be later than midnight");
        }
    }

    /** The procedure's rule: 3 / 2 / 5 working days, ending at 17:00 Beijing time. */
    public static DeadlinePolicy defaults() {
        return new DeadlinePolicy(3, 2, 5, true, LocalTime.of(17, 0), ZoneId.of("Asia/Shanghai"));
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
