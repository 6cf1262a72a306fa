package org.wenzheng.intake.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;
import org.wenzheng.intake.IntakeException;

/** A refused intake action: 404 unknown message, 409 changed or wrong state, 400 bad input; code = message key. */
@Provider
public class IntakeErrorMapper implements ExceptionMapper<IntakeException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(IntakeException e) {
        Response.Status status = switch (e.getReason()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case INVALID -> Response.Status.BAD_REQUEST;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.getKey(), e.text(ApiTexts.locale(headers)))).build();
    }
}
