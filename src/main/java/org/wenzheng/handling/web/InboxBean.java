package org.wenzheng.handling.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.InboxRow;

import java.io.Serializable;
import java.util.List;

/** The liaison's inbox (/office/handling/inbox.xhtml): the units' cases by due date, filtered by deadline state. */
@Named("handlingInbox")
@ViewScoped
public class InboxBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HandlingService handling;

    private DeadlineState state;
    private List<InboxRow> rows = List.of();

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            filter();
        }
    }

    public void filter() {
        try {
            rows = handling.inbox(state);
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public List<DeadlineState> getStates() {
        return List.of(DeadlineState.values());
    }

    public DeadlineState getState() { return state; }
    public void setState(DeadlineState state) { this.state = state; }
    public List<InboxRow> getRows() { return rows; }
}
