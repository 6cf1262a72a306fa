package org.wenzheng.supervision.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.supervision.SupervisionService;
import org.wenzheng.supervision.SupervisionViews.NoticeView;

import java.io.Serializable;

/** One overdue notice; its unit's liaison answers it here with an explanation (情况说明). */
@Named
@ViewScoped
public class SupervisionNoticeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SupervisionService supervision;

    private Long id;
    private NoticeView notice;
    private String explanation;

    public void load() {
        if (PageErrors.isPostback()) {
            return;
        }
        try {
            notice = supervision.notice(id);
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public void explain() {
        try {
            notice = supervision.explain(id, explanation, notice == null ? null : notice.version());
            explanation = null;
            PageErrors.info("supervision.notice.explained");
        } catch (RuntimeException e) {
            PageErrors.action(e, "answer:text", "supervision.error.forbidden");
            notice = supervision.notice(id);
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public NoticeView getNotice() { return notice; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
}
