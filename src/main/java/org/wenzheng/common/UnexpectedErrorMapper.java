package org.wenzheng.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace ever reaches an API client: HTTP errors keep their status with a JSON body, anything else is logged
 * with an incident id that the client also gets, so that support can find it.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError("http." + status, wae.getResponse().getStatusInfo().getReasonPhrase()))
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API incident " + incident, e);
        return Response.serverError().type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("internal", "Unexpected error; incident " + incident))
                .build();
    }
}
