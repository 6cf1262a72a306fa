package org.wenzheng.board;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a message is in its life (see domain.md). The citizen's tracking page shows a coarser view of it:
 * 已提交 → 已受理 → 已交办 → 办理中 → 已答复 → 已办结.
 */
public enum MessageStatus {
    /** Posted, waiting for the intake officer. */
    SUBMITTED,
    /** Posted but held for review (banned words); waiting for the intake officer like SUBMITTED. */
    HELD,
    REGISTERED,
    REJECTED,
    MERGED,
    BATCHED,
    ROUTED,
    HANDLING,
    REPLIED,
    CLOSED,
    ARCHIVED;

    private static final Set<MessageStatus> ACCEPTED =
            EnumSet.of(REGISTERED, BATCHED, ROUTED, HANDLING, REPLIED, CLOSED, ARCHIVED);

    /** Accepted by the intake officer (先审后发): only such messages may ever be public. */
    public boolean isAccepted() {
        return ACCEPTED.contains(this);
    }

    /** The step of the public timeline this status belongs to, 0 (submitted) to 5 (closed). */
    public int publicStep() {
        return switch (this) {
            case SUBMITTED, HELD, REJECTED, MERGED -> 0;
            case REGISTERED, BATCHED -> 1;
            case ROUTED -> 2;
            case HANDLING -> 3;
            case REPLIED -> 4;
            case CLOSED, ARCHIVED -> 5;
        };
    }
}
