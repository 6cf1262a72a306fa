package org.wenzheng.batch;

import org.wenzheng.board.MessageKind;

import java.time.OffsetDateTime;

/**
 * One message on the forwarding slip.
 *
 * @param suggestedUnit    the unit suggested to handle it, or null when undecided (shown as 待定)
 * @param dueAt            the normal due date counted from posting (the urgent rule applies once a leader routes it)
 * @param suggestionWhy    why that unit: a routing.why.* text key suffix (RULE_KEYWORD, SIMILAR, CITIZEN ...), or
 *                         null when undecided
 * @param suggestionDetail the matched rule term or the number of similar messages, for that text
 */
public record SlipLine(int seq, long messageId, OffsetDateTime postedAt, MessageKind kind, String title, String body,
                       String suggestedUnit, OffsetDateTime dueAt, boolean urgent, String suggestionWhy,
                       String suggestionDetail) {
}
