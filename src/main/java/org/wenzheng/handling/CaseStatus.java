package org.wenzheng.handling;

/** Where a unit's case stands. RETURNED cases go back to intake for re-routing. */
public enum CaseStatus {
    ROUTED, DRAFTING, UNDER_REVIEW, APPROVED, PUBLISHED, RETURNED, CLOSED;

    /** Still the unit's work, so it counts against the deadline. */
    public boolean isOpen() {
        return this == ROUTED || this == DRAFTING || this == UNDER_REVIEW || this == APPROVED;
    }
}
