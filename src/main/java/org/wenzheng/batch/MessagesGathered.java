package org.wenzheng.batch;

import java.util.List;

/**
 * A chunk of registered messages has just been put into a batch. Fired synchronously inside the chunk's transaction,
 * so that whatever observers store about these messages (the routing feature stores each one's suggested unit)
 * commits or rolls back with the assignment itself: a re-run after a crash never finds an assigned message without it.
 */
public record MessagesGathered(long batchId, List<Long> messageIds) {
}
