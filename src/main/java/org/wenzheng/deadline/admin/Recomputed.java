package org.wenzheng.deadline.admin;

import java.util.List;

/** Due dates moved by a calendar change: open cases looked at, cases moved, messages moved. */
record Recomputed(int openCases, List<Long> movedCaseIds, int movedMessages) {
}
