package org.wenzheng.intake.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.intake.CategoryOption;
import org.wenzheng.intake.DuplicateCandidate;
import org.wenzheng.intake.IntakeException;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.intake.MessageDetail;
import org.wenzheng.people.Role;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One message for the intake officer (/office/intake/message.xhtml?id=…): the full text, attachments, contact data,
 * possible duplicates and the three actions. The version read here is the one every action is checked against; after
 * an action the next waiting message opens, so the officer never has to go back to the list.
 */
@Named
@ViewScoped
public class MessageBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intake;

    @Inject
    transient SecurityContext security;

    private Long id;
    private MessageDetail message;
    private List<DuplicateCandidate> duplicates;
    private List<CategoryOption> categories;
    private long version;
    private final ClassificationForm form = new ClassificationForm();
    private String reason;
    private String mergeTargetId;

    /** f:viewAction: loads the message once per view; an unknown id is a 404. */
    public void load() throws IOException {
        if (message != null || !IntakePages.allowed(security, Role.INTAKE)) {
            return;
        }
        if (id == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        try {
            message = intake.message(id);
        } catch (IntakeException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        version = message.version();
        duplicates = intake.duplicates(id);
        categories = intake.categories();
        form.setKind(message.kind());
        form.setCategoryId(message.categoryId());
        form.setMakePublic(!message.privateMessage());
    }

    public String register() {
        try {
            intake.register(id, version, form.toClassification());
            IntakePages.doneAndKeep("intake.done.registered", message.title());
            return next();
        } catch (IntakeException e) {
            IntakePages.error(e);
            return null;
        }
    }

    public String reject() {
        try {
            intake.reject(id, version, reason);
            IntakePages.doneAndKeep("intake.done.rejected", message.title());
            return next();
        } catch (IntakeException e) {
            IntakePages.error(e);
            return null;
        }
    }

    public String mergeInto(Long targetId) {
        if (targetId == null) {
            IntakePages.error(new IntakeException(IntakeException.Reason.INVALID, "intake.error.mergeTargetMissing",
                    mergeTargetId == null ? "" : mergeTargetId));
            return null;
        }
        try {
            intake.merge(id, version, targetId);
            IntakePages.doneAndKeep("intake.done.merged", message.title(), targetId);
            return next();
        } catch (IntakeException e) {
            IntakePages.error(e);
            return null;
        }
    }

    /** Merges into the message whose id was typed. */
    public String merge() {
        Long target = null;
        if (mergeTargetId != null && mergeTargetId.strip().matches("\\d{1,18}")) {
            target = Long.valueOf(mergeTargetId.strip());
        }
        return mergeInto(target);
    }

    /** Skips this message and opens the next waiting one. */
    public String skip() {
        return next();
    }

    private String next() {
        Optional<Long> next = intake.nextWaitingAfter(id);
        return next.map(n -> "/office/intake/message?faces-redirect=true&id=" + n)
                .orElse("/office/intake/queue?faces-redirect=true");
    }

    public boolean isWaiting() {
        return message != null && (message.status() == MessageStatus.SUBMITTED
                || message.status() == MessageStatus.HELD);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public MessageDetail getMessage() { return message; }
    public List<DuplicateCandidate> getDuplicates() { return duplicates; }
    public List<CategoryOption> getCategories() { return categories; }
    public ClassificationForm getForm() { return form; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getMergeTargetId() { return mergeTargetId; }
    public void setMergeTargetId(String mergeTargetId) { this.mergeTargetId = mergeTargetId; }
}
