package org.wenzheng.handling.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.ExtensionView;
import org.wenzheng.handling.HandlingViews.ReviewRow;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leader's review queue (/office/handling/review.xhtml): submitted replies (each opens on the case page, where it
 * is approved or sent back) and pending extension requests, granted or refused here.
 */
@Named("handlingReview")
@ViewScoped
public class ReviewBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HandlingService handling;

    private List<ReviewRow> queue = List.of();
    private List<ExtensionView> extensions = List.of();
    private final Map<Long, String> comments = new HashMap<>();

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            reload();
        }
    }

    private void reload() {
        try {
            queue = handling.reviewQueue();
            extensions = handling.pendingExtensions();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void decide(Long requestId, boolean grant) {
        try {
            handling.decideExtension(requestId, grant, comments.get(requestId));
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, grant ? "handling.page.granted" : "handling.page.refused");
            comments.remove(requestId);
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "handling.error.forbidden");
        }
        reload();
    }

    public List<ReviewRow> getQueue() { return queue; }
    public List<ExtensionView> getExtensions() { return extensions; }
    public Map<Long, String> getComments() { return comments; }
}
