package org.wenzheng.people;

/** The staff roles of the back office. Citizens need no account. A person may hold several roles. */
public enum Role {
    INTAKE_OFFICER, LEADER, LIAISON, SUPERVISOR, ADMINISTRATOR;

    /** Role names as Jakarta Security sees them (same as the enum names). */
    public static final String INTAKE = "INTAKE_OFFICER";
    public static final String LEAD = "LEADER";
    public static final String UNIT_LIAISON = "LIAISON";
    public static final String SUPERVISE = "SUPERVISOR";
    public static final String ADMIN = "ADMINISTRATOR";
}
