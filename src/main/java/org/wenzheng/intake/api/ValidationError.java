package org.wenzheng.intake.api;

import java.util.List;

/** The body of a 400: a stable code, a message for people, and every field problem. */
public record ValidationError(String code, String message, List<FieldProblem> fields) {
}
