package org.wenzheng.intake;

import org.wenzheng.board.MessageKind;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One row of the intake queue; {@code held} marks a message held for review because of banned words, {@code age} is
 * how long it has waited: FRESH (under 1 day), MIDDLE (1 to 3 days) or OLD (over 3 days), as in {@link QueueCounts}.
 */
public record QueueItem(long id, String trackingCode, String title, MessageKind kind, boolean held,
                        OffsetDateTime postedAt, long version, int attachments, Age age) implements Serializable {

    /** Calendar time since posting, in the bands the queue counts by. */
    public enum Age {
        FRESH, MIDDLE, OLD;

        static Age of(OffsetDateTime postedAt, OffsetDateTime now) {
            if (postedAt.isAfter(now.minusDays(1))) {
                return FRESH;
            }
            return postedAt.isAfter(now.minusDays(3)) ? MIDDLE : OLD;
        }
    }
}
