package org.wenzheng.deadline;

/** An official exception to the normal rule that Monday to Friday are working days. */
public enum DayKind {
    /** A rest day (法定节假日), even when it falls on a weekday. */
    HOLIDAY,
    /** A make-up working day (调休上班), even when it falls on a weekend. */
    WORKDAY
}
