package org.wenzheng.handling;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as its page and the API show it: the message, the instruction, the due date with how it was reached, the
 * other units on the message, and the history from the audit trail.
 */
public record CaseDetail(Long id, long version, CaseStatus status, UnitRole unitRole, Long unitId, String unitName,
                         Long messageId, String title, String body, OffsetDateTime postedAt, String instruction,
                         String routedByName, OffsetDateTime routedAt, OffsetDateTime dueAt, String dueExplanationZh,
                         String dueExplanationEn, boolean urgent, OffsetDateTime returnedAt, String returnReasonCode,
                         String returnReason, boolean returnable, List<OtherUnit> otherUnits,
                         List<HistoryLine> history) {

    public record OtherUnit(Long caseId, String unitName, UnitRole unitRole, CaseStatus status) {
    }

    public record HistoryLine(OffsetDateTime at, String actor, String action, Long caseId) {
    }
}
