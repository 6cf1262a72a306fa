package org.wenzheng.intake.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.UnexpectedErrorMapper;
import org.wenzheng.common.web.Texts;

/**
 * A service call refused for lack of a role is a 403, not a 500. The EJB container throws EJBAccessException, or an
 * EJBException with it somewhere in the cause chain (when one bean calls another); this mapper is chosen over the
 * generic Throwable mapper because EJBException is the closer type. Any other EJBException goes on to the generic
 * handling (logged with an incident id).
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(new ApiError("forbidden", Texts.get(ApiTexts.locale(headers), "intake.api.forbidden")))
                        .build();
            }
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }
}
