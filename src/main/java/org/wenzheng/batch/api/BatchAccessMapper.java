package org.wenzheng.batch.api;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.UnexpectedErrorMapper;

/**
 * A service refusing the caller's role becomes JSON 401 (anonymous) or 403 (signed in without the role). Payara
 * throws {@link AccessLocalException} (an EJBException, not an EJBAccessException) for a refused call through a
 * no-interface view, which common's catch-all does not recognise and would answer with 500. JAX-RS picks the mapper
 * of the nearest superclass, so this one (EJBException) wins over the catch-all (Throwable); every other
 * EJBException goes on to the catch-all, so it keeps its conflict, validation and incident handling.
 */
@Provider
public class BatchAccessMapper implements ExceptionMapper<EJBException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof AccessLocalException) {
                boolean anonymous = security == null || security.getUserPrincipal() == null;
                return anonymous
                        ? Response.status(401).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON)
                                .entity(new ApiError("unauthenticated", "Authentication is required")).build()
                        : Response.status(403).type(MediaType.APPLICATION_JSON)
                                .entity(new ApiError("forbidden", "Not allowed for your role or for this object")).build();
            }
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }
}
