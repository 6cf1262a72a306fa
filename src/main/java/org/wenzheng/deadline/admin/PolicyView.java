package org.wenzheng.deadline.admin;

import org.wenzheng.deadline.PolicyInput;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The deadline policy page: the policy in force and the earlier ones, newest first.
 *
 * @param current what new cases get
 * @param history each policy with when it came into force and who set it
 */
public record PolicyView(PolicyInput current, List<HistoryLine> history) {

    /** A policy as it came into force; {@code changedBy} is null for the policy in force before the first change. */
    public record HistoryLine(OffsetDateTime from, String changedBy, int normalDays, int urgentDays, int capDays,
                              boolean workingDays, String endOfWorkingDay) {
    }
}
