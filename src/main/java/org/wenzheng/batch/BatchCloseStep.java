package org.wenzheng.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "close": the batch becomes SLIPPED; the job's exit status names it ("SLIPPED 123") for whoever started it. */
@Named
@Dependent
public class BatchCloseStep extends AbstractBatchlet {

    static final String SLIPPED = "SLIPPED ";

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
        long batchId = (Long) job.getTransientUserData();
        String status = store.close(batchId, actor, actorRole)
                .map(b -> SLIPPED + b.getId()).orElse(BatchCutStep.EMPTY);
        job.setExitStatus(status);
        return status;
    }
}
