package org.wenzheng.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;

/**
 * Invalid API input (Jakarta Validation on resource parameters and request records) is a 400 that lists each field's
 * problem; more specific than the JAX-RS implementation's own mapper, which would answer in plain text.
 */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return UnexpectedErrorMapper.json(400, toError(e));
    }

    static ApiError toError(ConstraintViolationException e) {
        return new ApiError("invalid", "The request has invalid fields", e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldProblem(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldProblem::field))
                .toList());
    }

    /** "route.arg0.instruction" → "instruction": the client knows its body's fields, not our method's parameters. */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        int from = 0;
        while (from < parts.length - 1 && (from == 0 || parts[from].matches("arg\\d+"))) {
            from++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length));
    }
}
