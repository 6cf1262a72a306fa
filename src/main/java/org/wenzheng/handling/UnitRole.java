package org.wenzheng.handling;

/** The lead unit (牵头单位) answers; co-units (协办单位) contribute to its answer. */
public enum UnitRole {
    LEAD, CO
}
