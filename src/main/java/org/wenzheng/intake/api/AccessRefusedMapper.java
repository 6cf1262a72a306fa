package org.wenzheng.intake.api;

import jakarta.ejb.AccessLocalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;

/**
 * A role refusal that Payara reports as {@link AccessLocalException} (an EJBException, not an EJBAccessException:
 * it does so when the refusal happens before the call, as for an anonymous caller of the intake service) is a
 * 401/403 like every other refusal, not a 500. This type is more specific than the common Throwable mapper's, so it
 * is chosen for exactly this case; the answers are the common mapper's.
 */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessLocalException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(AccessLocalException e) {
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        if (anonymous) {
            return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError("unauthenticated", "Authentication is required")).build();
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("forbidden", "Not allowed for your role or for this object")).build();
    }
}
