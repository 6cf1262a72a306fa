package org.wenzheng.supervision.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.supervision.BulletinService;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Bulletins in the back office: the supervisor generates and revises, a leader approves or sends back, publish. */
@Named
@ViewScoped
public class BulletinsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BulletinService bulletins;

    private Long id;
    private List<BulletinSummary> list;
    private BulletinView selected;
    private LocalDate from;
    private LocalDate to;
    private String comment;
    private String body;

    public void load() {
        if (PageErrors.isPostback()) {
            return;
        }
        try {
            list = bulletins.list();
            if (id != null) {
                select(id);
            }
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void generate() {
        try {
            select(bulletins.generate(from, to).id());
            PageErrors.info("bulletin.generated");
        } catch (RuntimeException e) {
            PageErrors.action(e, "gen:from", "supervision.error.forbidden");
        }
        list = bulletins.list();
    }

    public void approve() {
        step(() -> bulletins.approve(id, selected.version()), "bulletin.approved");
    }

    public void sendBack() {
        step(() -> bulletins.sendBack(id, comment, selected.version()), "bulletin.sentBack");
    }

    public void revise() {
        step(() -> bulletins.revise(id, body, selected.version()), "bulletin.revised");
    }

    public void publish() {
        step(() -> bulletins.publish(id, selected.version()), "bulletin.published");
    }

    private void step(java.util.function.Supplier<BulletinView> action, String done) {
        try {
            action.get();
            PageErrors.info(done);
            comment = null;
        } catch (RuntimeException e) {
            PageErrors.action(e, "review:comment", "supervision.error.forbidden");
        }
        select(id);
        list = bulletins.list();
    }

    private void select(Long bulletinId) {
        id = bulletinId;
        selected = bulletins.bulletin(bulletinId);
        body = selected.body();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public List<BulletinSummary> getList() { return list; }
    public BulletinView getSelected() { return selected; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
