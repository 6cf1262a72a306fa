package org.wenzheng.supervision;

import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.handling.CaseStatus;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;

import java.time.OffsetDateTime;
import java.util.List;

/** Read models of the supervision pages and API. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    /** The board's filters; null means "any". */
    public record Filter(Long unitId, Severity severity, Long batchId, DeadlineState state) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** One open case on the supervisor's board. {@code stateSince}: when the scan saw it enter its state. */
    public record BoardRow(Long caseId, String title, Long unitId, String unitName, String unitNameEn, UnitRole unitRole,
                           CaseStatus status, OffsetDateTime dueAt, DeadlineState state, Severity severity,
                           String batchLabel, OffsetDateTime stateSince, int openNotices) {
    }

    /** Open cases per deadline state (under the board's other filters). */
    public record StateCounts(long onTime, long dueSoon, long overdue, long overdueUnanswered) {
        public long total() {
            return onTime + dueSoon + overdue + overdueUnanswered;
        }

        public long of(DeadlineState s) {
            if (s == null) {
                return total();
            }
            return switch (s) {
                case ON_TIME -> onTime;
                case DUE_SOON -> dueSoon;
                case OVERDUE -> overdue;
                case OVERDUE_UNANSWERED -> overdueUnanswered;
            };
        }
    }

    /** A page of the board: the rows and how many match in all. */
    public record BoardPage(List<BoardRow> rows, long total, StateCounts counts) {
    }

    /** A choice in a filter. */
    public record Option(Long id, String label) {
    }

    /** A notice as its pages, its PDF and the API show it. */
    public record NoticeView(Long id, String number, int year, int sequence, Long caseId, String messageTitle,
                             String messageSummary, Long unitId, String unitName, OffsetDateTime dueAt,
                             int daysOverdue, String issuedBy, OffsetDateTime issuedAt, OffsetDateTime answeredAt,
                             OverdueNotice.AnswerKind answerKind, String answerText, boolean mayAnswer,
                             long version) {
        public boolean answered() {
            return answeredAt != null;
        }
    }

    /** A bulletin in lists. */
    public record BulletinSummary(Long id, String title, java.time.LocalDate periodFrom, java.time.LocalDate periodTo,
                                  Bulletin.Status status, String createdBy, OffsetDateTime createdAt,
                                  OffsetDateTime publishedAt, int namedUnits) {
    }

    /** A bulletin with its text and lines. */
    public record BulletinView(Long id, String title, java.time.LocalDate periodFrom, java.time.LocalDate periodTo,
                               Bulletin.Status status, String body, List<LineView> lines, String createdBy,
                               OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
                               OffsetDateTime publishedAt, String reviewComment, long version) {
        public List<LineView> named() {
            return lines.stream().filter(LineView::named).toList();
        }
    }

    /** One unit's figures in a bulletin. */
    public record LineView(Long unitId, String unitName, int dueCount, int onTimeCount, int unansweredCount,
                           int onTimePercent, boolean named) {
        static LineView of(BulletinLine l) {
            return new LineView(l.getUnitId(), l.getUnitName(), l.getDueCount(), l.getOnTimeCount(),
                    l.getUnansweredCount(), l.getOnTimePercent(), l.isNamed());
        }
    }
}
