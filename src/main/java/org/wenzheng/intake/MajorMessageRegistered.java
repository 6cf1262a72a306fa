package org.wenzheng.intake;

import java.time.OffsetDateTime;

/**
 * CDI event fired when a message is registered as 重大 or 特别重大, inside the registering transaction: observers that
 * notify someone should observe it {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record MajorMessageRegistered(long messageId, String title, Severity severity, WarningColour warningColour,
                                     boolean urgent, String registeredBy, OffsetDateTime registeredAt) {
}
