package org.wenzheng.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads registered, unbatched messages in id order, a page per chunk; the checkpoint is the last id handed out, so a
 * restart continues after the last committed chunk (and a fresh start from 0 finds only what is still unbatched).
 */
@Named
@Dependent
public class RegisteredMessageReader extends AbstractItemReader {

    @Inject
    BatchStore store;

    @Inject
    @BatchProperty
    String chunkSize;

    private final Deque<BatchStore.Pending> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint instanceof Long l ? l : 0L;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int size = Math.max(1, Integer.parseInt(chunkSize == null ? "1000" : chunkSize.strip()));
            page.addAll(store.pendingAfter(lastId, size));
            exhausted = page.size() < size;
        }
        BatchStore.Pending next = page.poll();
        if (next != null) {
            lastId = next.id();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        // Items still in the page were not written yet: the checkpoint is the last id of the committed chunk, which
        // equals lastId because the page size equals the chunk size.
        return lastId;
    }
}
