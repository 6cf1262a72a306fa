package org.wenzheng.board.posting;

import org.wenzheng.board.Rating;

/**
 * Fired (synchronously, inside the rating's transaction) when a citizen rates a published reply. The handling feature
 * observes it: {@link Rating.Grade#DISSATISFIED} sends the case back for handling again (重办). An observer that
 * throws rolls the rating back with it, so a rating is never stored without its consequence.
 */
public record ReplyRated(Long messageId, Long replyId, Rating.Grade grade) {
}
