package org.wenzheng.intake.api;

/** One invalid field of a request body. */
public record FieldProblem(String field, String problem) {
}
