package org.wenzheng.people.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.people.AccountService;

import java.util.Map;

/** The caller's own account. */
@Path("/account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "account", description = "The signed-in member of staff's own account")
public class AccountResource {

    @Inject
    AccountService account;

    @POST
    @Path("/sign-out-everywhere")
    @Operation(summary = "End every back-office session of the caller (sign out everywhere)")
    public Response signOutEverywhere() {
        return Response.ok(Map.of("sessionsValidAfter", account.signOutEverywhere().toString())).build();
    }
}
