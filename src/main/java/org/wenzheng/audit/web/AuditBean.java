package org.wenzheng.audit.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.audit.AuditSearch;
import org.wenzheng.audit.AuditViews.AuditPage;
import org.wenzheng.audit.AuditViews.AuditQuery;
import org.wenzheng.audit.AuditViews.Verification;
import org.wenzheng.common.web.Texts;
import org.wenzheng.people.web.AdminPages;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

/** The audit trail for the administrator: search by person, object, action and period; export; verify. */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    AuditSearch service;

    @Inject
    Clock clock;

    private String actor;
    private String objectType;
    private Long objectId;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private int page;
    private AuditPage result;
    private Verification verification;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            result = service.search(query(), 0, PAGE_SIZE);
        } catch (RuntimeException e) {
            AdminPages.opening(e);
        }
    }

    public void search() {
        page = 0;
        run();
    }

    public void next() {
        page++;
        run();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        run();
    }

    private void run() {
        if (from != null && to != null && from.isAfter(to)) {
            Texts.addMessage("search:to", FacesMessage.SEVERITY_ERROR, "audit.error.period");
            return;
        }
        try {
            result = service.search(query(), page, PAGE_SIZE);
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
    }

    public void verify() {
        try {
            verification = service.verify();
        } catch (RuntimeException e) {
            AdminPages.action(e, null);
        }
    }

    public void exportCsv() {
        export("text/csv; charset=UTF-8", "csv", true);
    }

    public void exportJson() {
        export("application/json; charset=UTF-8", "json", false);
    }

    private void export(String type, String extension, boolean csv) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        ec.setResponseContentType(type);
        ec.setResponseHeader("Content-Disposition",
                "attachment; filename=\"audit-" + LocalDate.now(clock.withZone(AuditSearch.CHINA)) + "." + extension + "\"");
        try {
            if (csv) {
                service.exportCsv(query(), ec.getResponseOutputStream());
            } else {
                service.exportJson(query(), ec.getResponseOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
    }

    private AuditQuery query() {
        return new AuditQuery(actor, objectType, objectId, action, from, to);
    }

    public AuditPage getResult() { return result; }
    public Verification getVerification() { return verification; }
    public boolean isHasNext() { return result != null && (long) (page + 1) * PAGE_SIZE < result.total(); }
    public boolean isHasPrevious() { return page > 0; }
    public int getPageNumber() { return page + 1; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
    public Long getObjectId() { return objectId; }
    public void setObjectId(Long objectId) { this.objectId = objectId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
