package org.wenzheng.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** Writes a chunk with one guarded UPDATE (see {@link BatchStore#assign}) into the batch the "cut" step chose. */
@Named
@Dependent
public class BatchAssignmentWriter extends AbstractItemWriter {

    /**
     * Tests only: a JVM-wide switch that makes the writer fail before its chunk number N+1 (N chunks commit, then the
     * job fails), to prove that a restart neither loses nor duplicates anything. Unset in production.
     */
    static final String FAIL_AFTER_CHUNKS = "wz.test.batch.failAfterChunks";

    @Inject
    JobContext job;

    @Inject
    BatchStore store;

    private int chunks;

    @Override
    public void writeItems(List<Object> items) {
        String failAfter = System.getProperty(FAIL_AFTER_CHUNKS);
        if (failAfter != null && chunks >= Integer.parseInt(failAfter)) {
            System.clearProperty(FAIL_AFTER_CHUNKS);
            throw new IllegalStateException("planned failure after " + chunks + " chunk(s)");
        }
        List<BatchStore.Pending> pending = new ArrayList<>(items.size());
        for (Object o : items) {
            pending.add((BatchStore.Pending) o);
        }
        store.assign((Long) job.getTransientUserData(), pending);
        chunks++;
    }
}
