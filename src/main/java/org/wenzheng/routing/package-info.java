/**
 * Instruction and routing (批办): routing rules, suggested units, the leader's routing of a batch with instruction,
 * lead unit and co-units, and the report on cases returned by units as misrouted.
 * <p>
 * Suggestions are computed once per message, in bulk, when the daily batch gathers it ({@link
 * org.wenzheng.routing.SuggestionStore} observes {@link org.wenzheng.batch.MessagesGathered} inside the chunk's
 * transaction): rules matched in memory ({@link org.wenzheng.routing.RuleBook}), similar routed messages within a
 * time budget per batch (wz.routing.similarBudgetMillis, default 2500; {@link org.wenzheng.routing.SimilarBudget}),
 * then the citizen's choice. The slip, the leader's page and approve-all read the stored suggestion; a leader may
 * recompute one message with today's rules. Approve-all ({@link org.wenzheng.routing.BulkRouting}) is set-based, in
 * transactions of 5,000 messages, each complete or absent.
 */
package org.wenzheng.routing;
