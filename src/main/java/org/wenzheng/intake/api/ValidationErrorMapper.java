package org.wenzheng.intake.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.web.Texts;

import java.util.Comparator;
import java.util.List;

/**
 * An invalid request body is a 400 that lists every field problem ({@code reason: must not be blank}); the field
 * is the last node of the property path, so {@code reject.body.reason} reads {@code reason}.
 */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ValidationError("invalid", Texts.get(ApiTexts.locale(headers), "intake.api.invalid"),
                        fields))
                .build();
    }

    private static String field(ConstraintViolation<?> v) {
        String last = null;
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getName() != null) {
                last = n.getName();
            }
        }
        return last == null ? "" : last;
    }
}
