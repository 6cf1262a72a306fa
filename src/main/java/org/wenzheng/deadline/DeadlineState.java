package org.wenzheng.deadline;

/**
 * Where an open case stands against its due date (domain.md, "Deadlines, precisely"). The last is what bulletins
 * name: overdue with neither a reply nor an explanation (情况说明).
 */
public enum DeadlineState {
    ON_TIME, DUE_SOON, OVERDUE, OVERDUE_UNANSWERED;

    public boolean isOverdue() {
        return this == OVERDUE || this == OVERDUE_UNANSWERED;
    }
}
