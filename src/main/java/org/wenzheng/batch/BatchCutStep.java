package org.wenzheng.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * Step "cut": takes the OPEN batch a dead job left, or cuts a new one; ends the job with exit status EMPTY when no
 * registered message waits. The batch id goes to the later steps in the job context (set again on every restart).
 */
@Named
@Dependent
public class BatchCutStep extends AbstractBatchlet {

    static final String EMPTY = "EMPTY";

    @Inject
    JobContext job;

    @Inject
    BatchStore store;

    @Inject
    @BatchProperty
    String actor;

    @Inject
    @BatchProperty
    String actorRole;

    @Override
    public String process() {
        Optional<Batch> batch = store.cutOrResume(actor, actorRole);
        if (batch.isEmpty()) {
            job.setExitStatus(EMPTY);
            return EMPTY;
        }
        job.setTransientUserData(batch.get().getId());
        return "BATCH " + batch.get().getId();
    }
}
