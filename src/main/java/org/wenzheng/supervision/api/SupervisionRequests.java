package org.wenzheng.supervision.api;

import org.wenzheng.common.ActionRefused;

import java.time.LocalDate;

/**
 * Request bodies of the supervision API. Validated by the services (no constraint annotations: Payara's OpenAPI
 * scanner fails on them, see routing's Requests).
 */
public final class SupervisionRequests {

    private SupervisionRequests() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "supervision.api.invalid");
        }
        return body;
    }

    /** Issue notices: for one case ({@code caseId}) or for all of a unit's overdue cases ({@code unitId}). */
    public static class Issue {
        public Long caseId;
        public Long unitId;
    }

    /** An explanation (情况说明) answering a notice; {@code version} is the notice's as read (optional). */
    public static class Answer {
        public String text;
        public Long version;
    }

    /** Generate a bulletin for a period, both days included. */
    public static class Generate {
        public LocalDate from;
        public LocalDate to;
    }

    /** A step on a bulletin: its version as read (optional), a comment (sending back) or a new text (revising). */
    public static class Step {
        public Long version;
        public String comment;
        public String body;
    }
}
