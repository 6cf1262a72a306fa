package org.wenzheng.deadline;

/**
 * Fired in the transaction that changed the calendar or the policy; {@link DeadlineService} drops its cache once the
 * transaction has committed, so no reader ever caches an uncommitted calendar.
 */
public record DeadlinesChanged(String version) {
}
