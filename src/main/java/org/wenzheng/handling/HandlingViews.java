package org.wenzheng.handling;

import org.wenzheng.deadline.DeadlineState;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** What the handling pages and the API show: read models built by {@link HandlingService}. */
public final class HandlingViews {

    private HandlingViews() {
    }

    /** A case in the liaison's inbox, coloured by its deadline state. */
    public record InboxRow(Long caseId, Long messageId, String title, String unitName, UnitRole unitRole,
                           CaseStatus status, OffsetDateTime dueAt, DeadlineState state, int reopenCount,
                           ReplyStatus replyStatus) implements Serializable {
    }

    /** One case with everything its handling needs, and what the caller may do with it. */
    public record Workspace(CaseDetail detail, DeadlineState state, List<FileInfo> messageFiles, ReplyView reply,
                            List<ReplyView> revisions, List<DraftVersion> versions, List<FileInfo> replyFiles,
                            List<Contribution> contributions, List<ExtensionView> extensions,
                            List<MailState> mails, List<ReplyCheck.Warning> warnings, int reopenCount,
                            OffsetDateTime latestPossibleDue, boolean manualPublication, Permissions may)
            implements Serializable {
    }

    /** What the caller may do on the case now; the service checks each again when it is done. */
    public record Permissions(boolean draft, boolean submit, boolean contribute, boolean requestExtension,
                              boolean correct, boolean review, boolean publish, boolean decideExtensions)
            implements Serializable {
    }

    /** One revision of a reply (答复); {@code version} is what a save must send back. */
    public record ReplyView(Long id, int revision, long version, ReplyStatus status, String bodyHtml,
                            String draftedBy, OffsetDateTime updatedAt, OffsetDateTime submittedAt,
                            String reviewedBy, OffsetDateTime reviewedAt, String reviewComment,
                            OffsetDateTime publishedAt, Long correctsId) implements Serializable {
    }

    /** A kept version of a draft's text. */
    public record DraftVersion(Long replyId, int number, String savedBy, OffsetDateTime savedAt, boolean autosave,
                               String bodyHtml) implements Serializable {
    }

    /** A file of the message or of the reply. */
    public record FileInfo(Long id, String fileName, String contentType, long sizeBytes)
            implements Serializable {
    }

    /** A co-unit's submitted contribution (协办意见), shown to the lead unit beside its draft. */
    public record Contribution(Long caseId, String unitName, CaseStatus caseStatus, Long replyId, String bodyHtml,
                               OffsetDateTime submittedAt) implements Serializable {
    }

    /** An extension request (延期申请) and its decision. */
    public record ExtensionView(Long id, Long caseId, String title, String unitName, int days, String reason,
                                String requestedBy, OffsetDateTime requestedAt, ExtensionRequest.Decision decision,
                                String decidedBy, OffsetDateTime decidedAt, OffsetDateTime newDueAt,
                                String decisionComment, OffsetDateTime currentDueAt) implements Serializable {
        public boolean isPending() {
            return decision == null;
        }
    }

    /** A mail about the case or its reply and whether it was delivered; the address is shown masked. */
    public record MailState(String recipient, String subject, String status, int attempts, OffsetDateTime createdAt,
                            OffsetDateTime sentAt) implements Serializable {
    }

    /** A submitted reply waiting for the leader (审定). */
    public record ReviewRow(Long caseId, Long messageId, String title, String unitName, Long replyId,
                            OffsetDateTime submittedAt, OffsetDateTime dueAt, DeadlineState state,
                            boolean correction) implements Serializable {
    }

    /** An approved reply waiting for the intake officer to publish it (manual publication). */
    public record PublishRow(Long replyId, Long caseId, Long messageId, String title, String unitName,
                             OffsetDateTime approvedAt, String approvedBy, String bodyHtml, boolean correction)
            implements Serializable {
    }

    /** A saved draft: the reply and the version the next save must send. */
    public record Saved(Long replyId, long version, OffsetDateTime savedAt, boolean changed) implements Serializable {
    }

    /** A transition's result for the API: the case and reply as they are now. */
    public record Done(Long caseId, CaseStatus caseStatus, Long replyId, ReplyStatus replyStatus, long replyVersion,
                       OffsetDateTime dueAt) implements Serializable {
    }

    /** Cases reopened (重办) per unit, for statistics. */
    public record UnitReopens(Long unitId, String unitName, long cases, long reopenings) implements Serializable {
    }

    /** A file's bytes for download by staff who may read the case. */
    public record FileContent(String fileName, String contentType, java.nio.file.Path path) {
    }
}
