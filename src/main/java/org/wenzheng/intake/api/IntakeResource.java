package org.wenzheng.intake.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.intake.ActionResult;
import org.wenzheng.intake.DuplicateCandidate;
import org.wenzheng.intake.IntakeService;
import org.wenzheng.intake.MessageDetail;
import org.wenzheng.intake.QueueItem;

import java.util.List;

/**
 * The intake officer's work as JSON, for staff only: the service allows the intake officer role and nothing else,
 * so a call without it gets 403. Actions carry the version the caller saw; a stale one gets 409.
 */
@RequestScoped
@Path("/intake")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "intake", description = "Intake (受理登记) for intake officers: the queue, one message, register, reject,"
        + " merge")
@APIResponse(responseCode = "403", description = "not signed in as an intake officer")
public class IntakeResource {

    @Inject
    IntakeService intake;

    @GET
    @Path("/queue")
    @Operation(summary = "Waiting messages (new and held for review), oldest first, by keyset paging")
    public QueuePage queue(
            @Parameter(description = "the `next` of the previous page; omitted for the first")
            @QueryParam("after") Long after,
            @Parameter(description = "page size, at most 100") @QueryParam("size") @DefaultValue("50") int size) {
        List<QueueItem> items = intake.queueAfter(after, size);
        int n = Math.max(1, Math.min(size, IntakeService.MAX_PAGE));
        return new QueuePage(items, items.size() < n ? null : items.get(items.size() - 1).id());
    }

    @GET
    @Path("/messages/{id}")
    @Operation(summary = "One message in full, with contact data and attachments (staff only)")
    @APIResponse(responseCode = "404", description = "no such message")
    public MessageDetail message(@PathParam("id") long id) {
        return intake.message(id);
    }

    @GET
    @Path("/messages/{id}/duplicates")
    @Operation(summary = "Similar messages of the last 90 days, most similar first, at most 10")
    public List<DuplicateCandidate> duplicates(@PathParam("id") long id) {
        return intake.duplicates(id);
    }

    @POST
    @Path("/messages/{id}/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register (受理) with kind, topic, severity, warning colour, urgent and public")
    @APIResponse(responseCode = "200", description = "registered; the new version is returned")
    @APIResponse(responseCode = "400", description = "invalid request; every field problem is listed")
    @APIResponse(responseCode = "409", description = "changed by someone else, or not waiting any more")
    public ActionResult register(@PathParam("id") long id, @NotNull @Valid RegisterRequest body) {
        return intake.register(id, body.version(), body.classification());
    }

    @POST
    @Path("/messages/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject (不予受理) with a reason the citizen sees on the tracking page")
    @APIResponse(responseCode = "200", description = "rejected")
    @APIResponse(responseCode = "400", description = "invalid request; every field problem is listed")
    @APIResponse(responseCode = "409", description = "changed by someone else, or not waiting any more")
    public ActionResult reject(@PathParam("id") long id, @NotNull @Valid RejectRequest body) {
        return intake.reject(id, body.version(), body.reason());
    }

    @POST
    @Path("/messages/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge into another accepted message; merging into a merged message is refused")
    @APIResponse(responseCode = "200", description = "merged")
    @APIResponse(responseCode = "400", description = "invalid request; every field problem is listed")
    @APIResponse(responseCode = "409", description = "changed by someone else, wrong state, or a merge chain")
    public ActionResult merge(@PathParam("id") long id, @NotNull @Valid MergeRequest body) {
        return intake.merge(id, body.version(), body.targetId());
    }
}
