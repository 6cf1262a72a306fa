package org.wenzheng.intake;

import org.wenzheng.board.MessageStatus;

/** The state of a message after an intake action, with the new version for the next action on it. */
public record ActionResult(long id, MessageStatus status, long version) {
}
