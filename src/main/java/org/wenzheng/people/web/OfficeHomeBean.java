package org.wenzheng.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.CaseService;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.intake.MajorAlert;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Role;

import java.util.List;

/** The back-office home: for each of the caller's roles, the work waiting for them. */
@Named
@RequestScoped
public class OfficeHomeBean {

    @Inject
    CurrentStaff staff;

    @Inject
    IntakeService intake;

    @Inject
    CaseService cases;

    @Inject
    PeopleService people;

    private List<Case> myCases;
    private List<MajorAlert> majorAlerts;

    /** 重大/特别重大 messages not yet routed: leaders and intake officers see them first thing. */
    public List<MajorAlert> getMajorAlerts() {
        if (majorAlerts == null) {
            majorAlerts = staff.has(Role.LEAD) || staff.has(Role.INTAKE)
                    ? intake.openMajorAlerts().stream().limit(5).toList() : List.of();
        }
        return majorAlerts;
    }

    public long getWaitingMessages() {
        return intake.waitingCount();
    }

    public long getOpenCases() {
        return cases.openCount();
    }

    public List<Case> getMyUnitCases() {
        if (myCases == null) {
            myCases = staff.has(Role.UNIT_LIAISON) ? cases.myUnitsOpenCases(20) : List.of();
        }
        return myCases;
    }

    public int getActiveUnits() {
        return people.activeUnits().size();
    }
}
