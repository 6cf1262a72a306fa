package org.wenzheng.batch.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.batch.BatchService;
import org.wenzheng.batch.BatchSummary;
import org.wenzheng.common.web.Texts;
import org.wenzheng.people.Role;
import org.wenzheng.people.web.CurrentStaff;

import java.io.Serializable;
import java.util.List;

/** /office/batch/index.xhtml: the batches, newest first, and the button that cuts one now. */
@Named
@ViewScoped
public class BatchListBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    @Inject
    BatchService batches;

    @Inject
    CurrentStaff staff;

    private transient List<BatchSummary> list;

    public List<BatchSummary> getBatches() {
        if (list == null) {
            list = batches.latest(SHOWN);
        }
        return list;
    }

    public boolean isMayCut() {
        return staff.has(Role.INTAKE) || staff.has(Role.LEAD);
    }

    public void cutNow() {
        BatchService.CutResult result = batches.startNow();
        list = null;
        if (!result.completed()) {
            Texts.addMessage(null, FacesMessage.SEVERITY_ERROR, "batch.cut.incomplete");
        } else if (result.nothingToGather()) {
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "batch.cut.nothing");
        } else {
            BatchSummary b = result.batch();
            Texts.addMessage(null, FacesMessage.SEVERITY_INFO, "batch.cut.done", b.year(), b.number(),
                    b.messageCount());
        }
    }
}
