package org.wenzheng.board.posting.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.board.posting.ChannelTokenService;
import org.wenzheng.board.posting.ChannelTokenService.ChannelTokenView;
import org.wenzheng.common.ActionRefused;

import java.util.List;

/**
 * Channel tokens for the administrator (the service checks the role): the secret is in the answer to POST only,
 * never again. The same as the back office's channels page.
 */
@Path("/admin/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ChannelsResource {

    @Inject
    ChannelTokenService channels;

    /** A token to issue: the channel's name (2–30 letters, digits, - or _; not WEB). */
    public static class ChannelBody {
        public String name;
    }

    @GET
    @Operation(summary = "All channel tokens, newest first (prefix, last use, revocation; never the secret)")
    public List<ChannelTokenView> list() {
        return channels.list();
    }

    @POST
    @Operation(summary = "Issue a token for a channel; the answer holds the secret, shown this once",
            description = "A channel may hold several tokens: to rotate, issue a new one, hand it over, revoke the old.")
    @APIResponse(responseCode = "201", description = "issued: {id, name, token}")
    @APIResponse(responseCode = "400", description = "invalid name")
    public Response issue(ChannelBody body) {
        if (body == null) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "admin.api.invalid");
        }
        return Response.status(201).entity(channels.issue(body.name)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a channel token",
            description = "Refused at once by this instance; other instances refuse it within"
                    + " wz.channel.token-cache-seconds (default 10).")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "404", description = "no such token")
    public Response revoke(@PathParam("id") Long id) {
        channels.revoke(id);
        return Response.noContent().build();
    }
}
