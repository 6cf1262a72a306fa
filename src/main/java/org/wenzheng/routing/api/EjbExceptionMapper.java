package org.wenzheng.routing.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.wenzheng.common.ActionRefused;

/**
 * EJB failures as JSON. More specific than common's {@code ExceptionMapper<Throwable>}, so JAX-RS picks this one for
 * every EJBException: a refusal wrapped by an EJB layer keeps its own status (404/403/409/400, translated); anything
 * else — a refused role (401 anonymous, 403 signed in), an optimistic-lock conflict (409), invalid input (400) — is
 * answered by common's mapper, which looks through the causes the same way.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    HttpHeaders headers;

    @Context
    Providers providers;

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ActionRefused refused) {
                return ActionRefusedMapper.of(refused, headers);
            }
        }
        return providers.getExceptionMapper(Throwable.class).toResponse(e);
    }
}
