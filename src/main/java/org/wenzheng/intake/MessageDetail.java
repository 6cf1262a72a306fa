package org.wenzheng.intake;

import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message as the intake officer sees it, contact data masked (in full only through the audited
 * {@link org.wenzheng.privacy.ContactService}): for staff only, never on a public page or API.
 */
public record MessageDetail(long id, String trackingCode, MessageKind kind, Long categoryId, String categoryName,
                            String title, String body, String displayName, String contactPhone, String contactEmail,
                            boolean privateMessage, String channel, MessageStatus status, boolean held,
                            OffsetDateTime postedAt, long version, List<AttachmentInfo> attachments,
                            Severity severity, WarningColour warningColour, boolean urgent, boolean publicVisible,
                            String rejectedReason, Long mergedIntoId, OffsetDateTime registeredAt,
                            String registeredBy) implements Serializable {
}
