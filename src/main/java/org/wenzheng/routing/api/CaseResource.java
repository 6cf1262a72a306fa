package org.wenzheng.routing.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.handling.CaseDetail;
import org.wenzheng.handling.CaseService;

/** A unit's case: read it (its own unit's liaison, a leader or a supervisor) and return it as misrouted (退回). */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Cases in units")
public class CaseResource {

    @Inject
    CaseService cases;

    @GET
    @Path("/{id}")
    @Operation(summary = "One case with its message, instruction, explained due date and history")
    @APIResponse(responseCode = "200", description = "the case")
    @APIResponse(responseCode = "403", description = "not the case's unit, nor a leader or supervisor")
    @APIResponse(responseCode = "404", description = "no such case")
    public CaseDetail get(@PathParam("id") Long id) {
        return cases.detail(id);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a misrouted case; a lead case sends the message back for re-routing")
    @APIResponse(responseCode = "200", description = "returned; the case as it is now")
    @APIResponse(responseCode = "400", description = "reason or text missing")
    @APIResponse(responseCode = "403", description = "not a liaison of the case's unit")
    @APIResponse(responseCode = "409", description = "no longer returnable, or changed meanwhile")
    public CaseDetail returnCase(@PathParam("id") Long id, @Valid Requests.Return request) {
        Requests.Return r = Requests.require(request);
        cases.returnCase(id, r.reason, r.text, r.version);
        return cases.detail(id);
    }
}
