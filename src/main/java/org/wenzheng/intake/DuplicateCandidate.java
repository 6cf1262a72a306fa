package org.wenzheng.intake;

import org.wenzheng.board.MessageStatus;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A message of the last 90 days similar to the one being read, with its similarity (0..1, higher is closer) and
 * whether it can be merged into (accepted, not itself merged).
 */
public record DuplicateCandidate(long id, String title, MessageStatus status, OffsetDateTime postedAt,
                                 double similarity, boolean mergeTarget) implements Serializable {
}
