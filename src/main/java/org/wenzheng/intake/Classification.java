package org.wenzheng.intake;

import org.wenzheng.board.MessageKind;

/**
 * What the intake officer decides when registering: kind (null keeps the citizen's), topic (category id, null keeps
 * the citizen's), severity, warning colour, urgent, and whether it may be public (the citizen's privacy wins).
 */
public record Classification(MessageKind kind, Long categoryId, Severity severity, WarningColour colour,
                             boolean urgent, boolean makePublic) {
}
