package org.wenzheng.handling;

/** A reply's life: drafted, submitted for approval, sent back or approved, published; a correction supersedes it. */
public enum ReplyStatus {
    DRAFT, SUBMITTED, SENT_BACK, APPROVED, PUBLISHED, SUPERSEDED
}
