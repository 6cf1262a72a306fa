package org.wenzheng.batch.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.batch.BatchService;
import org.wenzheng.batch.Slip;

import java.io.IOException;

/** /office/batch/slip.xhtml?id=…: the forwarding slip on screen, with the link to its PDF. */
@Named
@RequestScoped
public class SlipBean {

    @Inject
    BatchService batches;

    private Long id;
    private Slip slip;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }

    /** Loads the slip; an unknown or missing id is a 404. */
    public void load() throws IOException {
        slip = id == null ? null : batches.slip(id, BatchService.SLIP_PAGE_LIMIT).orElse(null);
        if (slip == null) {
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getExternalContext().responseSendError(404, "");
            fc.responseComplete();
        }
    }

    public Slip getSlip() {
        return slip;
    }

    /** Whether the page shows fewer messages than the batch holds (the PDF has them all). */
    public boolean isTruncated() {
        return slip != null && slip.lines().size() < slip.batch().messageCount();
    }

    public String getPdfPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/batches/" + id + "/slip.pdf";
    }
}
