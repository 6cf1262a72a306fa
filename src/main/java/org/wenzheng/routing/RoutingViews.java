package org.wenzheng.routing;

import org.wenzheng.batch.BatchStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** The read models and commands of routing, shared by the pages and the JSON API. */
public final class RoutingViews {

    private RoutingViews() {
    }

    /** A batch and how many of its messages still wait for routing. */
    public record BatchSummary(Long id, int year, int number, OffsetDateTime cutAt, BatchStatus status,
                               long waiting) {
    }

    /** A unit to choose. */
    public record UnitOption(Long id, String name) {
    }

    /** The lead case a unit returned, shown on the routing page as 被退回. */
    public record Returned(String unitName, String reasonCode, String reasonText, OffsetDateTime returnedAt) {
    }

    /** A message waiting for routing, with its suggested unit (null if none) and its last return (null if none). */
    public record Row(Long messageId, long version, String title, String body, String categoryName,
                      String targetUnitName, OffsetDateTime postedAt, boolean urgent, Suggestion suggestion,
                      String suggestionReason, Returned returned) {
    }

    public record BatchView(BatchSummary batch, List<Row> rows, List<UnitOption> units) {
    }

    /** The leader's decision on one message. {@code version} is the message's version as the leader saw it. */
    public record RouteCommand(String instruction, Long leadUnitId, List<Long> coUnitIds, boolean urgent,
                               Long version) {
    }

    public record RouteResult(Long messageId, List<Long> caseIds, OffsetDateTime dueAt, String dueExplanation,
                              boolean batchRouted) {
    }

    public record ApproveAllResult(int routed, int leftForIndividualRouting, boolean batchRouted) {
    }

    /** Returns of one unit in a period, with the time the cases spent before they bounced. */
    public record ReturnStat(Long unitId, String unitName, long count, double totalHours, double averageHours) {
    }
}
