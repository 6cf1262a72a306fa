package org.wenzheng.routing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.wenzheng.common.web.PageErrors;
import org.wenzheng.routing.RoutingService;
import org.wenzheng.routing.RoutingViews.BatchSummary;

import java.util.List;

/** The batches waiting for the leader's routing. */
@Named
@RequestScoped
public class RoutingBatchListBean {

    @Inject
    RoutingService routing;

    private List<BatchSummary> batches;

    public void load() {
        try {
            batches = routing.waitingBatches();
        } catch (RuntimeException e) {
            PageErrors.opening(e);
        }
    }

    public List<BatchSummary> getBatches() {
        return batches == null ? List.of() : batches;
    }
}
