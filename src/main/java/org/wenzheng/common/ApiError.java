package org.wenzheng.common;

import java.util.List;

/**
 * The body of every API error: a stable code for programs, a message for people, and for invalid input the
 * problem of each field.
 */
public record ApiError(String code, String message, List<FieldProblem> fields) {

    public ApiError(String code, String message) {
        this(code, message, List.of());
    }

    /** One invalid field: its path in the request and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
