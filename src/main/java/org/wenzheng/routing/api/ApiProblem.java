package org.wenzheng.routing.api;

import java.util.List;

/** An API error with the fields that were wrong (empty when the problem is not about a field). */
public record ApiProblem(String code, String message, List<FieldProblem> fields) {

    public record FieldProblem(String field, String message) {
    }
}
