package org.wenzheng.routing.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.CaseDetail;
import org.wenzheng.handling.CaseService;
import org.wenzheng.handling.ReturnReason;

import java.io.Serializable;
import java.util.List;

/** The case page: the case for its unit's liaison (who may return it), a leader or a supervisor. */
@Named
@ViewScoped
public class CaseBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseService cases;

    private Long id;
    private CaseDetail detail;
    private ReturnReason reason;
    private String reasonText;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        reload();
    }

    private void reload() {
        try {
            detail = cases.detail(id);
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void returnCase() {
        try {
            cases.returnCase(id, reason, reasonText, detail == null ? null : detail.version());
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "return.page.done");
            reason = null;
            reasonText = null;
        } catch (RuntimeException e) {
            PageErrors.action(e, "ret:text", "routing.api.forbidden");
        }
        reload();
    }

    public List<ReturnReason> getReasons() {
        return List.of(ReturnReason.values());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CaseDetail getDetail() { return detail; }
    public ReturnReason getReason() { return reason; }
    public void setReason(ReturnReason reason) { this.reason = reason; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
}
