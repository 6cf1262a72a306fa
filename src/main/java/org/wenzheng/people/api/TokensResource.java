package org.wenzheng.people.api;

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
import org.wenzheng.people.ApiTokenService;
import org.wenzheng.people.ApiTokenService.TokenView;
import org.wenzheng.people.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** API tokens for the administrator: the secret is in the answer to POST only, never again. */
@Path("/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class TokensResource {

    @Inject
    ApiTokenService tokens;

    /** A token to issue: a name, the system account's user name, roles it holds, an optional expiry. */
    public static class TokenBody {
        public String name;
        public String username;
        public Set<Role> roles;
        public OffsetDateTime expiresAt;
    }

    @GET
    @Operation(summary = "All tokens, newest first (last use, expiry, revocation; never the secret)")
    public List<TokenView> list() {
        return tokens.list();
    }

    @POST
    @Operation(summary = "Issue a token; the answer holds the secret, shown this once")
    @APIResponse(responseCode = "201", description = "issued: {id, token}")
    @APIResponse(responseCode = "400", description = "invalid (unknown or inactive person, roles it lacks, expiry past)")
    public Response issue(TokenBody body) {
        TokenBody b = AdminRequests.require(body);
        return Response.status(201).entity(tokens.issue(b.name, b.username, b.roles, b.expiresAt)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token (it stops working at once)")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "404", description = "no such token")
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
