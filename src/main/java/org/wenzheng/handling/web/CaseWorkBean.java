package org.wenzheng.handling.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.wenzheng.board.posting.Upload;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.ReplyView;
import org.wenzheng.handling.HandlingViews.Saved;
import org.wenzheng.handling.HandlingViews.Workspace;
import org.wenzheng.handling.ReplyStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * The handling part of the case page (/office/cases/case.xhtml): the draft editor with autosave, files, submission or
 * contribution, extension requests, the leader's review and extension decisions, corrections. The page keeps the
 * reply version it was opened with, so a save after another liaison's is refused and shows their text.
 */
@Named("caseWork")
@ViewScoped
public class CaseWorkBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HandlingService handling;

    private Long id;
    private Workspace workspace;
    private String html;
    private Long version;
    private String conflictText;
    private Integer extensionDays;
    private String extensionReason;
    private String reviewComment;
    private String decisionComment;
    private OffsetDateTime savedAt;
    private transient Part file;

    public void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        // The routing part of the page (first view action) may already have answered 403/404.
        if (fc.isPostback() || fc.getResponseComplete()) {
            return;
        }
        try {
            id = Long.valueOf(fc.getExternalContext().getRequestParameterMap().get("id"));
        } catch (NumberFormatException e) {
            id = null;
        }
        reload(true);
    }

    /**
     * Before rendering: if the case page's other part (routing's return form) changed the case's status, read the
     * case again so the handling part never offers what no longer applies.
     */
    public void sync(org.wenzheng.handling.CaseDetail shown) {
        if (shown != null && workspace != null && shown.status() != workspace.detail().status()) {
            reload(true);
        }
    }

    private void reload(boolean takeText) {
        try {
            workspace = handling.workspace(id);
        } catch (RuntimeException e) {
            if (FacesContext.getCurrentInstance().isPostback()) {
                PageErrors.action(e, null, "handling.error.forbidden");
            } else {
                PageErrors.opening(e);
            }
            return;
        }
        if (takeText) {
            ReplyView r = workspace.reply();
            boolean editable = r != null && (r.status() == ReplyStatus.DRAFT || r.status() == ReplyStatus.SENT_BACK);
            html = editable ? r.bodyHtml() : "";
            version = editable ? r.version() : null;
            conflictText = null;
        }
    }

    public void save() {
        store(false);
    }

    /** Every ~30 s from the page's poll; silent unless it fails. */
    public void autosave() {
        if (conflictText == null) {
            store(true);
        }
    }

    private boolean store(boolean auto) {
        try {
            Saved s = handling.saveDraft(id, html, version, auto);
            version = s.version();
            savedAt = s.savedAt();
            if (!auto) {
                Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "handling.page.saved");
            }
            reload(false);
            return true;
        } catch (RuntimeException e) {
            ActionRefused r = PageErrors.refusal(e);
            if (r != null && "handling.error.draftChanged".equals(r.key())) {
                conflictText = String.valueOf(r.args()[2]);
            }
            PageErrors.action(e, "draft:editor", "handling.error.forbidden");
            return false;
        }
    }

    /** After a refused save: the other liaison's text into the editor (the page showed it beside the own text). */
    public void takeTheirs() {
        reload(true);
    }

    public void submit() {
        if (!store(false)) {
            return;
        }
        act(() -> handling.submit(id, version), "handling.page.submitted", "draft:editor");
    }

    public void contribute() {
        act(() -> handling.contribute(id, html, version), "handling.page.contributed", "draft:editor");
    }

    public void upload() {
        Upload u;
        try {
            u = read(file);
        } catch (IOException e) {
            Texts.addMessage("files:file", FacesMessage.SEVERITY_ERROR, "handling.error.fileMissing");
            return;
        }
        try {
            handling.attach(id, u, version);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "handling.page.attached", u.fileName());
            reload(version == null);
        } catch (RuntimeException e) {
            PageErrors.action(e, "files:file", "handling.error.forbidden");
        }
    }

    public void requestExtension() {
        if (act(() -> handling.requestExtension(id, extensionDays == null ? 0 : extensionDays, extensionReason),
                "handling.page.extensionRequested", "ext:days")) {
            extensionDays = null;
            extensionReason = null;
        }
    }

    public void decide(Long requestId, boolean grant) {
        act(() -> handling.decideExtension(requestId, grant, decisionComment),
                grant ? "handling.page.granted" : "handling.page.refused", "decide:comment");
    }

    public void approve() {
        act(() -> handling.approve(id, replyVersion(), reviewComment), "handling.page.approved", "review:comment");
    }

    public void sendBack() {
        act(() -> handling.sendBack(id, replyVersion(), reviewComment), "handling.page.sentBack", "review:comment");
    }

    public void correct() {
        act(() -> handling.startCorrection(id), "handling.page.correcting", null);
    }

    private Long replyVersion() {
        return workspace == null || workspace.reply() == null ? null : workspace.reply().version();
    }

    private boolean act(Runnable action, String doneKey, String fieldId) {
        boolean done = false;
        try {
            action.run();
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, doneKey);
            reviewComment = null;
            decisionComment = null;
            done = true;
        } catch (RuntimeException e) {
            PageErrors.action(e, fieldId, "handling.error.forbidden");
        }
        reload(true);
        return done;
    }

    private static Upload read(Part part) throws IOException {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        if (part.getSize() > 5L * 1024 * 1024) {
            return new Upload(part.getSubmittedFileName(), part.getSize(), null);
        }
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes(5 * 1024 * 1024 + 1);
            return new Upload(part.getSubmittedFileName(), content.length, content);
        }
    }

    public String fileUrl(Long fileId) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/office/handling/file?case=" + id + "&file=" + fileId;
    }

    public Long getId() { return id; }
    public Workspace getW() { return workspace; }
    public String getHtml() { return html; }
    public void setHtml(String html) { this.html = html; }
    public String getConflictText() { return conflictText; }
    public boolean isConflict() { return conflictText != null; }
    public OffsetDateTime getSavedAt() { return savedAt; }
    public Integer getExtensionDays() { return extensionDays; }
    public void setExtensionDays(Integer extensionDays) { this.extensionDays = extensionDays; }
    public String getExtensionReason() { return extensionReason; }
    public void setExtensionReason(String extensionReason) { this.extensionReason = extensionReason; }
    public String getReviewComment() { return reviewComment; }
    public void setReviewComment(String reviewComment) { this.reviewComment = reviewComment; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
