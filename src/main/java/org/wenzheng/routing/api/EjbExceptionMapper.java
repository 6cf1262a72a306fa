package org.wenzheng.routing.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.wenzheng.common.UnexpectedErrorMapper;
import org.wenzheng.common.web.Texts;
import org.wenzheng.handling.ActionRefused;

import java.util.List;

/**
 * EJB failures as JSON: a role refusal (EJBAccessException, also when wrapped) is 403, an optimistic-lock conflict
 * 409, a wrapped refusal its own status; anything else goes to the common catch-all (500 with an incident id). More
 * specific than common's {@code ExceptionMapper<Throwable>}, so JAX-RS picks this one for every EJBException.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return json(403, "forbidden", "routing.api.forbidden");
            }
            if (t instanceof OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return json(409, "conflict", "routing.api.conflict");
            }
            if (t instanceof ActionRefused refused) {
                return ActionRefusedMapper.of(refused, headers);
            }
            if (t instanceof jakarta.validation.ConstraintViolationException cve) {
                return ValidationMapper.of(cve, headers);
            }
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }

    private Response json(int status, String code, String key) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiProblem(code, Texts.get(ApiLanguage.of(headers), key), List.of())).build();
    }
}
