package org.wenzheng.handling;

import org.wenzheng.board.Message;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.deadline.DueDateCalculator;

/**
 * A case's due date from the facts stored on it, so that routing, extensions, reopening and a calendar change all
 * count it the same way: a reopened case runs a fresh clock from the reopening; otherwise the message's clock (or the
 * slip's, for an urgent case); then the granted extension days, never past the cap.
 */
public final class CaseClock {

    private CaseClock() {
    }

    public static DueDate due(Case c, DueDateCalculator calculator) {
        return due(c, calculator, c.getExtensionDays());
    }

    /** The due the case would have with {@code moreDays} more extension days; {@link DueDate#clamped()} if capped. */
    public static DueDate withExtension(Case c, DueDateCalculator calculator, int moreDays) {
        return due(c, calculator, c.getExtensionDays() + moreDays);
    }

    private static DueDate due(Case c, DueDateCalculator calculator, int extensionDays) {
        Message m = c.getMessage();
        DueDate base;
        if (c.getReopenedAt() != null) {
            base = calculator.reopened(c.getReopenedAt().toInstant());
        } else if (c.isUrgent() && m.getBatch() != null && m.getBatch().getCutAt() != null) {
            base = calculator.urgent(m.getPostedAt().toInstant(), m.getBatch().getCutAt().toInstant());
        } else {
            base = calculator.forMessage(m.getPostedAt().toInstant());
        }
        if (extensionDays == 0 || c.getReopenedAt() != null) {
            // A reopened case's fresh clock is not extended against the first message's cap, which has passed.
            return base;
        }
        return calculator.extendBy(m.getPostedAt().toInstant(), base.due(), extensionDays);
    }
}
