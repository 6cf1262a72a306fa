package org.wenzheng.deadline.admin;

import java.util.List;

/**
 * What a calendar change did: the exceptions of the year added, changed and removed, and the due dates it moved.
 *
 * @param openCases      open cases looked at
 * @param movedCaseIds   cases whose due date moved (every one, ascending)
 * @param movedMessages  messages whose due date moved with their lead case, or while waiting for routing
 */
public record ChangeResult(int year, int added, int changed, int removed, int openCases, List<Long> movedCaseIds,
                           int movedMessages) {

    public ChangeResult {
        movedCaseIds = List.copyOf(movedCaseIds);
    }

    public int movedCases() {
        return movedCaseIds.size();
    }
}
