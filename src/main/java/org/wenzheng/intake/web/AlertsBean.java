package org.wenzheng.intake.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.intake.MajorAlert;
import org.wenzheng.people.Role;

import java.io.IOException;
import java.util.List;

/** The major alerts page (/office/intake/alerts.xhtml) for leaders and intake officers. */
@Named
@RequestScoped
public class AlertsBean {

    @Inject
    IntakeService intake;

    @Inject
    SecurityContext security;

    private List<MajorAlert> alerts;

    /** f:viewAction: other staff get the forbidden page rather than an error. */
    public void check() throws IOException {
        IntakePages.allowed(security, Role.LEAD, Role.INTAKE);
    }

    public List<MajorAlert> getAlerts() {
        if (alerts == null) {
            alerts = intake.openMajorAlerts();
        }
        return alerts;
    }
}
