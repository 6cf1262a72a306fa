package org.wenzheng.board.posting;

import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.Rating;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The citizen's own view of their message, reached only with its tracking code: never contact data, never the
 * client address. A message held for review shows as SUBMITTED, as any new message does.
 *
 * @param step             the public timeline step, 0 submitted … 5 closed
 * @param mergedIntoId     the message this one was merged into, or null
 * @param mergedIntoPublic whether that message is on the public board (only then is it linked)
 * @param replies          the published replies of the lead unit's case, oldest first
 * @param dueExplanationZh how the due date was counted (null when there is none to explain), and in English
 */
public record TrackingView(Long messageId, String trackingCode, String title, String body, MessageKind kind,
                           MessageStatus status, int step, boolean privateMessage, boolean publicVisible,
                           String categoryName, String categoryNameEn, String unitName, String unitNameEn,
                           OffsetDateTime postedAt, OffsetDateTime dueAt, String rejectedReason,
                           Long mergedIntoId, boolean mergedIntoPublic, List<AttachmentInfo> attachments,
                           List<ReplyInfo> replies, List<FollowUpInfo> followUps, String dueExplanationZh,
                           String dueExplanationEn) implements Serializable {

    public boolean isRejected() {
        return status == MessageStatus.REJECTED;
    }

    public boolean isMerged() {
        return status == MessageStatus.MERGED;
    }

    /** A file the citizen attached. */
    public record AttachmentInfo(String fileName, String contentType, long sizeBytes) implements Serializable {
    }

    /**
     * A published reply; {@code bodyHtml} was sanitised by an allow-list when it was written. The rating fields are
     * null until the citizen rates it.
     */
    public record ReplyInfo(Long id, String bodyHtml, OffsetDateTime publishedAt, String unitName, String unitNameEn,
                            Rating.Grade grade, String ratingReason, OffsetDateTime ratedAt) implements Serializable {

        public boolean isRated() {
            return grade != null;
        }
    }

    /** A follow-up (追问) the citizen added. */
    public record FollowUpInfo(Long id, String body, OffsetDateTime postedAt) implements Serializable {
    }
}
