package org.wenzheng.deadline.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.PolicyInput;
import org.wenzheng.deadline.admin.DeadlineAdminService;
import org.wenzheng.deadline.admin.PolicyRefused;
import org.wenzheng.deadline.admin.PolicyView;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The administrator's deadline policy (/office/admin/policy.xhtml); a change applies to new cases only. */
@Named
@ViewScoped
public class PolicyBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeadlineAdminService service;

    private Integer normalDays;
    private Integer urgentDays;
    private Integer capDays;
    private Boolean workingDays;
    private String endOfWorkingDay;
    private BigDecimal majorFirstResponseHours;
    private BigDecimal extraordinaryFirstResponseHours;
    private Integer reminderLeadDays;
    private List<PolicyView.HistoryLine> history;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            show(service.policy());
        } catch (RuntimeException e) {
            AdminPageErrors.opening(e);
        }
    }

    private void show(PolicyView view) {
        PolicyInput p = view.current();
        normalDays = p.normalDays();
        urgentDays = p.urgentDays();
        capDays = p.capDays();
        workingDays = p.workingDays();
        endOfWorkingDay = p.endOfWorkingDay();
        majorFirstResponseHours = p.majorFirstResponseHours();
        extraordinaryFirstResponseHours = p.extraordinaryFirstResponseHours();
        reminderLeadDays = p.reminderLeadDays();
        history = view.history();
    }

    public void save() {
        try {
            show(service.changePolicy(new PolicyInput(normalDays, urgentDays, capDays, workingDays, endOfWorkingDay,
                    majorFirstResponseHours, extraordinaryFirstResponseHours, reminderLeadDays)));
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "policy.saved");
        } catch (PolicyRefused e) {
            for (PolicyInput.Problem p : e.problems()) {
                Texts.addMessage("policy:" + p.field(), FacesMessage.SEVERITY_ERROR, p.key(), p.args());
            }
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "policy.notSaved");
        } catch (RuntimeException e) {
            AdminPageErrors.action(e, null);
        }
    }

    public Integer getNormalDays() { return normalDays; }
    public void setNormalDays(Integer normalDays) { this.normalDays = normalDays; }
    public Integer getUrgentDays() { return urgentDays; }
    public void setUrgentDays(Integer urgentDays) { this.urgentDays = urgentDays; }
    public Integer getCapDays() { return capDays; }
    public void setCapDays(Integer capDays) { this.capDays = capDays; }
    public Boolean getWorkingDays() { return workingDays; }
    public void setWorkingDays(Boolean workingDays) { this.workingDays = workingDays; }
    public String getEndOfWorkingDay() { return endOfWorkingDay; }
    public void setEndOfWorkingDay(String endOfWorkingDay) { this.endOfWorkingDay = endOfWorkingDay; }
    public BigDecimal getMajorFirstResponseHours() { return majorFirstResponseHours; }
    public void setMajorFirstResponseHours(BigDecimal v) { this.majorFirstResponseHours = v; }
    public BigDecimal getExtraordinaryFirstResponseHours() { return extraordinaryFirstResponseHours; }
    public void setExtraordinaryFirstResponseHours(BigDecimal v) { this.extraordinaryFirstResponseHours = v; }
    public Integer getReminderLeadDays() { return reminderLeadDays; }
    public void setReminderLeadDays(Integer v) { this.reminderLeadDays = v; }
    public List<PolicyView.HistoryLine> getHistory() { return history == null ? List.of() : history; }
}
