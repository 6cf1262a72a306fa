package org.wenzheng.common;

import jakarta.ejb.EJBAccessException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace ever reaches an API client. Services throw what they throw (EJB wraps some of it), and this one
 * mapper looks through the cause chain: a refused role is 401 for an anonymous caller and 403 otherwise, a concurrent
 * change is 409, invalid input is 400 with each field's problem, HTTP errors keep their status; anything else is
 * logged with an incident id that the client also gets.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            return json(status, new ApiError("http." + status, wae.getResponse().getStatusInfo().getReasonPhrase()));
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Payara throws AccessLocalException (not an EJBAccessException) for some refused local calls.
            if (t instanceof EJBAccessException || t instanceof jakarta.ejb.AccessLocalException) {
                boolean anonymous = security == null || security.getUserPrincipal() == null;
                return anonymous
                        ? Response.status(401).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON)
                                .entity(new ApiError("unauthenticated", "Authentication is required")).build()
                        : json(403, new ApiError("forbidden", "Not allowed for your role or for this object"));
            }
            if (t instanceof OptimisticLockException) {
                return json(409, new ApiError("conflict", "Someone else changed this in the meantime; reload it"));
            }
            if (t instanceof ConstraintViolationException cve) {
                return json(400, ValidationErrorMapper.toError(cve));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API incident " + incident, e);
        return json(500, new ApiError("internal", "Unexpected error; incident " + incident));
    }

    static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
