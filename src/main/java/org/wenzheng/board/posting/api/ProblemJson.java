package org.wenzheng.board.posting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A refused request: a stable code for programs, a message for people, and what is wrong with which field. */
@Schema(name = "PostingProblem")
public record ProblemJson(String code, String message, List<FieldJson> fields) {

    /** One field's problem; {@code field} is null for the request as a whole. */
    @Schema(name = "FieldProblem")
    public record FieldJson(String field, String code, String message) {
    }
}
