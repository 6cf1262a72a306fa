package org.wenzheng.routing.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.routing.RoutingService;
import org.wenzheng.routing.RoutingViews.ApproveAllResult;
import org.wenzheng.routing.RoutingViews.BatchSummary;
import org.wenzheng.routing.RoutingViews.BatchView;
import org.wenzheng.routing.RoutingViews.RouteResult;
import org.wenzheng.routing.RoutingViews.Row;

import java.util.List;

/** The leader's routing (批办) for integrated systems; the same service as the pages. Signed-in LEADER only. */
@Path("/routing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "routing", description = "Instruction and routing of batched messages (批办)")
public class RoutingResource {

    @Inject
    RoutingService routing;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/batches")
    @Operation(summary = "Batches with messages waiting for routing")
    public List<BatchSummary> batches() {
        return routing.waitingBatches();
    }

    @GET
    @Path("/batches/{id}")
    @Operation(summary = "A batch's messages waiting for routing, each with its suggested unit")
    @APIResponse(responseCode = "200", description = "the batch")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "404", description = "no such batch")
    public BatchView batch(@PathParam("id") Long id) {
        return routing.batch(id, ApiLanguage.of(headers));
    }

    @POST
    @Path("/messages/{id}/route")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Route one message: instruction, lead unit, co-units, urgency; creates the units' cases")
    @APIResponse(responseCode = "200", description = "routed")
    @APIResponse(responseCode = "400", description = "invalid input, with the fields")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "409", description = "changed meanwhile (version) or no longer waiting")
    public RouteResult route(@PathParam("id") Long id, @Valid Requests.Route request) {
        return routing.route(id, Requests.require(request).command());
    }

    @POST
    @Path("/messages/{id}/suggestion")
    @Operation(summary = "Recompute one waiting message's suggested unit with the current routing rules and keep it")
    @APIResponse(responseCode = "200", description = "the message with its new suggestion")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "409", description = "no longer waiting for routing")
    public Row refreshSuggestion(@PathParam("id") Long id) {
        return routing.refreshSuggestion(id, ApiLanguage.of(headers));
    }

    @POST
    @Path("/batches/{id}/approve-all")
    @Operation(summary = "Route every message of the batch that has a stored suggestion, with the default"
            + " instruction, in one call (chunked transactions; calling again continues and routes nothing twice)")
    @APIResponse(responseCode = "200", description = "how many were routed and how many are left")
    @APIResponse(responseCode = "403", description = "not a leader")
    public ApproveAllResult approveAll(@PathParam("id") Long id) {
        return routing.approveAll(id);
    }
}
