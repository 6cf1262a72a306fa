package org.wenzheng.routing.api;

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

/** A request that fails Jakarta Validation: 400 with each field and what is wrong with it. */
@Provider
public class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return of(e, headers);
    }

    static Response of(ConstraintViolationException e, HttpHeaders headers) {
        List<ApiProblem.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldProblem(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldProblem::field))
                .toList();
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ApiProblem("invalid", Texts.get(ApiLanguage.of(headers), "routing.api.invalid"), fields))
                .build();
    }

    /** The last named node of the path: "route.arg1.instruction" → "instruction". */
    private static String field(ConstraintViolation<?> v) {
        String name = "";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
