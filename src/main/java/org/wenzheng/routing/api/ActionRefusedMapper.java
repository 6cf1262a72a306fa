package org.wenzheng.routing.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.web.Texts;
import org.wenzheng.common.ActionRefused;

/** A refused action as JSON: 404, 403, 409 (wrong state or changed meanwhile) or 400, with a translated message. */
@Provider
public class ActionRefusedMapper implements ExceptionMapper<ActionRefused> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ActionRefused e) {
        return of(e, headers);
    }

    static Response of(ActionRefused e, HttpHeaders headers) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case WRONG_STATE, CONFLICT -> 409;
            case INVALID -> 400;
        };
        String code = switch (e.kind()) {
            case NOT_FOUND -> "not_found";
            case FORBIDDEN -> "forbidden";
            case WRONG_STATE -> "wrong_state";
            case CONFLICT -> "conflict";
            case INVALID -> "invalid";
        };
        String text = Texts.get(ApiLanguage.of(headers), e.key(), e.args());
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(code, text)).build();
    }
}
