package org.wenzheng.board.posting.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.wenzheng.people.ClientAddress;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.wenzheng.board.Rating;
import org.wenzheng.board.posting.PostingRefused;
import org.wenzheng.board.posting.PostingService;
import org.wenzheng.board.posting.Problem;
import org.wenzheng.board.posting.TrackingView;
import org.wenzheng.common.web.Texts;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracking page: a citizen enters the tracking code (or arrives with ?code=), follows the message, rates each
 * published reply once and adds follow-ups. Every action goes through the code again, so the page holds no
 * authority of its own.
 */
@Named
@ViewScoped
public class TrackBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAddress clientAddress;

    @Inject
    PostingService service;

    private String code;
    private TrackingView view;
    private final Map<Long, String> grades = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> ratingErrors = new HashMap<>();
    private String followUp;
    /** A confirmation shown once, in the page's own (not the error) style. */
    private String notice;

    /** On arrival with ?code=: show the message straight away. */
    public void lookupFromLink() {
        if (code != null && !code.isBlank() && view == null) {
            lookup();
        }
    }

    public void lookup() {
        view = null;
        ratingErrors.clear();
        try {
            view = service.track(code, clientKey());
        } catch (PostingRefused refused) {
            show(refused.problems(), "track:code");
        }
    }

    public void rate(Long replyId) {
        ratingErrors.clear();
        notice = null;
        if (view == null) {
            return;
        }
        Rating.Grade grade = parseGrade(grades.get(replyId));
        try {
            view = service.rate(view.trackingCode(), clientKey(), replyId, grade, reasons.get(replyId));
            notice = Texts.get("track.rated");
        } catch (PostingRefused refused) {
            Problem p = refused.problems().get(0);
            ratingErrors.put(replyId, Texts.get(p.key(), p.args().toArray()));
        }
    }

    public void addFollowUp() {
        notice = null;
        if (view == null) {
            return;
        }
        try {
            view = service.addFollowUp(view.trackingCode(), clientKey(), followUp);
            followUp = null;
            notice = Texts.get("track.followUp.added");
        } catch (PostingRefused refused) {
            show(refused.problems(), "followUp:body");
        }
    }

    private static Rating.Grade parseGrade(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Rating.Grade.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void show(List<Problem> problems, String clientId) {
        for (Problem p : problems) {
            Texts.addMessage(clientId, FacesMessage.SEVERITY_ERROR, p.key(), p.args().toArray());
        }
    }

    private String clientKey() {
        return service.clientKey(clientAddress.of((HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest()));
    }

    public List<String> getGradeValues() {
        return List.of(Rating.Grade.SATISFIED.name(), Rating.Grade.BASICALLY_SATISFIED.name(),
                Rating.Grade.DISSATISFIED.name());
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public TrackingView getView() { return view; }
    public Map<Long, String> getGrades() { return grades; }
    public Map<Long, String> getReasons() { return reasons; }
    public Map<Long, String> getRatingErrors() { return ratingErrors; }
    public String getNotice() { return notice; }
    public String getFollowUp() { return followUp; }
    public void setFollowUp(String followUp) { this.followUp = followUp; }
}
