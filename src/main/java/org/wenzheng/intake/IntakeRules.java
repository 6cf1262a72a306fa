package org.wenzheng.intake;

import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;

/**
 * The checks before an intake action, each refusal with its own message key. {@link Message} enforces the same
 * rules as invariants (IllegalStateException); these checks run first so that a person is told exactly why.
 */
public final class IntakeRules {

    public static final int MAX_REASON = 500;

    private IntakeRules() {
    }

    /** The version the officer saw must still be the current one: otherwise someone else acted meanwhile. */
    public static void requireVersion(Message m, long seenVersion) {
        if (m.getVersion() != seenVersion) {
            throw new IntakeException(IntakeException.Reason.CONFLICT, "intake.error.changed");
        }
    }

    /** Only a message that is new or held for review can be registered, rejected or merged. */
    public static void requireWaiting(Message m) {
        if (!m.isWaitingForIntake()) {
            throw new IntakeException(IntakeException.Reason.CONFLICT, "intake.error.notWaiting",
                    "intake.status." + m.getStatus().name());
        }
    }

    public static void requireClassification(Classification c) {
        if (c == null || c.severity() == null || c.colour() == null) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.classificationRequired");
        }
    }

    /** The reason the citizen will read: required, at most {@value #MAX_REASON} characters. Returns it stripped. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.reasonRequired");
        }
        String r = reason.strip();
        if (r.codePointCount(0, r.length()) > MAX_REASON) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.reasonTooLong", MAX_REASON);
        }
        return r;
    }

    /** A different, accepted message that is not itself merged (no merge chains). */
    public static void requireMergeTarget(Message source, Message target) {
        if (target == source || (target.getId() != null && target.getId().equals(source.getId()))) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.mergeSelf");
        }
        if (target.getStatus() == MessageStatus.MERGED) {
            Long end = target.getMergedInto() == null ? null : target.getMergedInto().getId();
            throw new IntakeException(IntakeException.Reason.CONFLICT, "intake.error.mergeChain",
                    String.valueOf(target.getId()), String.valueOf(end));
        }
        if (!target.getStatus().isAccepted()) {
            throw new IntakeException(IntakeException.Reason.CONFLICT, "intake.error.mergeTargetNotAccepted",
                    String.valueOf(target.getId()));
        }
    }

    /** 重大 and 特别重大 alert the leaders at once. */
    public static boolean alertsLeaders(Severity severity) {
        return severity != null && severity.alertsLeaders();
    }
}
