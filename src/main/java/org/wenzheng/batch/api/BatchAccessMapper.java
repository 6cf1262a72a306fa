package org.wenzheng.batch.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.UnexpectedErrorMapper;

/**
 * A service's role check refusing the caller becomes 403 with a JSON body. JAX-RS picks the mapper of the nearest
 * superclass, so this one (EJBException) wins over common's catch-all for Throwable; any other EJBException is passed
 * to that catch-all, so it still gets its incident id.
 */
@Provider
public class BatchAccessMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof SecurityException) {
                return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(new ApiError("forbidden", "Your role does not allow this")).build();
            }
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }
}
