package org.wenzheng.handling.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.PublishRow;

import java.io.Serializable;
import java.util.List;

/** The intake officer's list of approved replies ready to publish (/office/handling/publish.xhtml). */
@Named("handlingPublish")
@ViewScoped
public class PublishBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HandlingService handling;

    private List<PublishRow> rows = List.of();
    private boolean manual;

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            reload();
        }
    }

    private void reload() {
        try {
            rows = handling.readyToPublish();
            manual = handling.manualPublication();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void publish(Long replyId) {
        try {
            handling.publish(replyId);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "handling.page.published");
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "handling.error.forbidden");
        }
        reload();
    }

    public List<PublishRow> getRows() { return rows; }
    public boolean isManual() { return manual; }
}
