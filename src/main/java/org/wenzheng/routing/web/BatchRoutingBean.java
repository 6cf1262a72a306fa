package org.wenzheng.routing.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.common.web.Texts;
import org.wenzheng.routing.RoutingService;
import org.wenzheng.routing.RoutingViews.ApproveAllResult;
import org.wenzheng.routing.RoutingViews.BatchView;
import org.wenzheng.routing.RoutingViews.RouteCommand;
import org.wenzheng.routing.RoutingViews.RouteResult;
import org.wenzheng.routing.RoutingViews.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The leader's page for one batch: per message instruction, lead unit, co-units, urgency; or approve all. */
@Named
@ViewScoped
public class BatchRoutingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The reader's language; the view root's is not yet set when the view action runs. */
    @Inject
    LocaleBean localeBean;

    @Inject
    RoutingService routing;

    private Long id;
    private BatchView view;
    private final Map<Long, RowForm> forms = new HashMap<>();

    /** What the leader fills in for one message; pre-filled with the suggestion. */
    public static class RowForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String instruction;
        private Long leadUnitId;
        private List<Long> coUnitIds = new ArrayList<>();
        private boolean urgent;
        private long version;

        public String getInstruction() { return instruction; }
        public void setInstruction(String instruction) { this.instruction = instruction; }
        public Long getLeadUnitId() { return leadUnitId; }
        public void setLeadUnitId(Long leadUnitId) { this.leadUnitId = leadUnitId; }
        public List<Long> getCoUnitIds() { return coUnitIds; }
        public void setCoUnitIds(List<Long> coUnitIds) { this.coUnitIds = coUnitIds; }
        public boolean isUrgent() { return urgent; }
        public void setUrgent(boolean urgent) { this.urgent = urgent; }
    }

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        reload();
    }

    private void reload() {
        try {
            view = routing.batch(id, localeBean.getLocale());
        } catch (RuntimeException e) {
            PageErrors.opening(e);
            return;
        }
        Map<Long, RowForm> kept = new HashMap<>(forms);
        forms.clear();
        for (Row row : view.rows()) {
            RowForm f = kept.containsKey(row.messageId()) && kept.get(row.messageId()).version == row.version()
                    ? kept.get(row.messageId()) : new RowForm();
            if (f.leadUnitId == null && row.suggestion() != null) {
                f.leadUnitId = row.suggestion().unitId();
            }
            if (f.version != row.version()) {
                f.urgent = row.urgent();
            }
            f.version = row.version();
            forms.put(row.messageId(), f);
        }
    }

    /** Routes one message; on success it leaves the list, on refusal the leader is told why. */
    public void route(Long messageId) {
        RowForm f = forms.get(messageId);
        if (f == null) {
            return;
        }
        try {
            RouteResult r = routing.route(messageId, new RouteCommand(f.instruction, f.leadUnitId,
                    f.coUnitIds == null ? List.of() : f.coUnitIds, f.urgent, f.version));
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "routing.page.routed", r.caseIds().size());
            if (r.batchRouted()) {
                Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "routing.page.batchRouted");
            }
            forms.remove(messageId);
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "routing.api.forbidden");
        }
        reload();
    }

    public void approveAll() {
        try {
            ApproveAllResult r = routing.approveAll(id);
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "routing.page.approvedAll", r.routed(),
                    r.leftForIndividualRouting());
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "routing.api.forbidden");
        }
        reload();
    }

    /**
     * Recomputes one message's suggestion with the rules as they are now (the stored one dates from the gathering and
     * is what the slip printed); the lead unit choice follows the new suggestion.
     */
    public void refreshSuggestion(Long messageId) {
        try {
            Row row = routing.refreshSuggestion(messageId, localeBean.getLocale());
            RowForm f = forms.get(messageId);
            if (f != null) {
                f.leadUnitId = row.suggestion() == null ? null : row.suggestion().unitId();
            }
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, row.suggestion() == null
                    ? "routing.bulk.page.refreshedNone" : "routing.bulk.page.refreshed", row.title(),
                    row.suggestion() == null ? "" : row.suggestion().unitName());
        } catch (RuntimeException e) {
            PageErrors.action(e, null, "routing.api.forbidden");
        }
        reload();
    }

    /** Messages the approve-all step would leave for individual routing. */
    public long getWithoutSuggestion() {
        return view == null ? 0 : view.rows().stream()
                .filter(r -> r.suggestion() == null || r.returned() != null).count();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public BatchView getView() { return view; }
    public Map<Long, RowForm> getForms() { return forms; }
}
