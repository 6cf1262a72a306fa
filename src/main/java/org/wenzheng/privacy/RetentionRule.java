package org.wenzheng.privacy;

import org.wenzheng.board.MessageStatus;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a citizen's contact data has served its purpose (个人信息保护法 art. 19: kept no longer than needed). The rule:
 * the message is <em>finished</em> — replied (答复 published), closed (办结), archived (归档), rejected (不予受理) or
 * merged into another — and its <em>last activity</em> is more than {@code months} months ago. The last activity is
 * the latest of its posting, registration, reply and closing and of the citizen's own follow-ups and ratings, so a
 * citizen still writing about a replied message keeps being reachable. Messages still in handling are never erased,
 * however old.
 */
public record RetentionRule(int months) {

    static final Set<MessageStatus> FINISHED = EnumSet.of(MessageStatus.REPLIED, MessageStatus.CLOSED,
            MessageStatus.ARCHIVED, MessageStatus.REJECTED, MessageStatus.MERGED);

    public RetentionRule {
        if (months < 1) {
            throw new IllegalArgumentException("privacy.contact-retention-months must be at least 1, not " + months);
        }
    }

    /** Activity before this instant is old enough. */
    public OffsetDateTime cutoff(OffsetDateTime now) {
        return now.minusMonths(months);
    }

    public boolean erasable(MessageStatus status, OffsetDateTime lastActivity, OffsetDateTime now) {
        return FINISHED.contains(status) && lastActivity != null && lastActivity.isBefore(cutoff(now));
    }

    /** The finished statuses as SQL literals, for the job's candidate query. */
    static String finishedSql() {
        return String.join(", ", FINISHED.stream().map(s -> "'" + s.name() + "'").sorted().toList());
    }
}
