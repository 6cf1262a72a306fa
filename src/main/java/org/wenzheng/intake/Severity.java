package org.wenzheng.intake;

/** 舆情等级: the grade the intake officer gives; the higher, the faster it is reported upward. */
public enum Severity {
    ORDINARY, SIGNIFICANT, MAJOR, EXTRAORDINARY;

    /** 重大 and 特别重大 alert the leaders at once. */
    public boolean alertsLeaders() {
        return this == MAJOR || this == EXTRAORDINARY;
    }
}
