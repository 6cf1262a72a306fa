package org.wenzheng.handling.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.handling.HandlingService;
import org.wenzheng.handling.HandlingViews.Done;
import org.wenzheng.handling.HandlingViews.ExtensionView;
import org.wenzheng.handling.HandlingViews.FileContent;
import org.wenzheng.handling.HandlingViews.InboxRow;
import org.wenzheng.handling.HandlingViews.PublishRow;
import org.wenzheng.handling.HandlingViews.ReviewRow;
import org.wenzheng.handling.HandlingViews.Saved;
import org.wenzheng.handling.HandlingViews.Workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Handling and approval of replies for integrated systems; the same service as the pages, which checks the role on
 * each object (403), the state (409), a stale draft version (409, with the other's text) and the input (400).
 */
@Path("/handling")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "handling", description = "Units draft replies, leaders approve them, replies are published (办理答复、审定)")
public class HandlingResource {

    @Inject
    HandlingService handling;

    @GET
    @Path("/inbox")
    @Operation(summary = "The liaison's cases, soonest due first; optionally one deadline state")
    @APIResponse(responseCode = "200", description = "the cases of the caller's units")
    @APIResponse(responseCode = "403", description = "not a liaison")
    public List<InboxRow> inbox(@QueryParam("state") String state) {
        return handling.inbox(state(state));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "A case with its message, files, reply and revisions, kept versions, contributions, "
            + "extensions, mail states and what the caller may do")
    @APIResponse(responseCode = "200", description = "the case")
    @APIResponse(responseCode = "403", description = "not the case's unit, nor a leader or supervisor")
    @APIResponse(responseCode = "404", description = "no such case")
    public Workspace get(@PathParam("id") Long id) {
        return handling.workspace(id);
    }

    @GET
    @Path("/cases/{id}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file of the case's message or reply")
    @APIResponse(responseCode = "200", description = "the file")
    @APIResponse(responseCode = "404", description = "no such file on this case")
    public Response file(@PathParam("id") Long id, @PathParam("fileId") Long fileId) {
        FileContent f = handling.file(id, fileId);
        if (!Files.isRegularFile(f.path())) {
            throw new ActionRefused(ActionRefused.Kind.NOT_FOUND, "handling.error.fileNotFound");
        }
        String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(f.path().toFile(), f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @PUT
    @Path("/cases/{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft reply (HTML is sanitised); send the version you edited")
    @APIResponse(responseCode = "200", description = "saved; the version the next save must send")
    @APIResponse(responseCode = "400", description = "too long")
    @APIResponse(responseCode = "403", description = "not a liaison of the case's unit")
    @APIResponse(responseCode = "409", description = "another liaison saved meanwhile (the message gives their text), "
            + "or the case is not being drafted")
    public Saved saveDraft(@PathParam("id") Long id, HandlingRequests.Draft draft) {
        HandlingRequests.Draft d = HandlingRequests.require(draft);
        return handling.saveDraft(id, d.bodyHtml, d.version, false);
    }

    @POST
    @Path("/cases/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit the lead unit's draft for approval")
    @APIResponse(responseCode = "200", description = "submitted; the case is under review")
    @APIResponse(responseCode = "400", description = "the draft is empty")
    @APIResponse(responseCode = "403", description = "not a liaison of the case's unit")
    @APIResponse(responseCode = "409", description = "stale version or wrong state")
    public Done submit(@PathParam("id") Long id, HandlingRequests.Versioned body) {
        return handling.submit(id, HandlingRequests.require(body).version);
    }

    @POST
    @Path("/cases/{id}/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A co-unit submits its contribution (协办意见) to the lead unit")
    @APIResponse(responseCode = "200", description = "submitted")
    @APIResponse(responseCode = "403", description = "not a liaison of the case's unit")
    @APIResponse(responseCode = "409", description = "not a co-unit's case, stale version or wrong state")
    public Done contribute(@PathParam("id") Long id, HandlingRequests.Draft draft) {
        HandlingRequests.Draft d = HandlingRequests.require(draft);
        return handling.contribute(id, d.bodyHtml, d.version);
    }

    @POST
    @Path("/cases/{id}/correction")
    @Operation(summary = "Start a correction (更正) of the published reply: a new revision to review")
    @APIResponse(responseCode = "200", description = "the new draft revision")
    @APIResponse(responseCode = "409", description = "nothing published to correct")
    public Done correct(@PathParam("id") Long id) {
        return handling.startCorrection(id);
    }

    @POST
    @Path("/cases/{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an extension (延期申请); refused past the policy's cap, naming the latest date")
    @APIResponse(responseCode = "201", description = "requested")
    @APIResponse(responseCode = "400", description = "no reason, bad days, or past the cap")
    @APIResponse(responseCode = "403", description = "not a liaison of the case's unit")
    @APIResponse(responseCode = "409", description = "a request is pending, or the case cannot be extended")
    public Response requestExtension(@PathParam("id") Long id, HandlingRequests.Extension body) {
        HandlingRequests.Extension e = HandlingRequests.require(body);
        return Response.status(201).entity(handling.requestExtension(id, e.days, e.reason)).build();
    }

    @GET
    @Path("/extension-requests")
    @Operation(summary = "Extension requests waiting for a leader")
    public List<ExtensionView> pendingExtensions() {
        return handling.pendingExtensions();
    }

    @POST
    @Path("/extension-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A leader grants or refuses an extension (a refusal needs a comment)")
    @APIResponse(responseCode = "200", description = "decided; granted moves the due date")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "409", description = "already decided")
    public ExtensionView decide(@PathParam("id") Long id, HandlingRequests.Decision body) {
        HandlingRequests.Decision d = HandlingRequests.require(body);
        return handling.decideExtension(id, d.grant, d.comment);
    }

    @GET
    @Path("/review-queue")
    @Operation(summary = "Submitted replies waiting for a leader's approval")
    @APIResponse(responseCode = "403", description = "not a leader")
    public List<ReviewRow> reviewQueue() {
        return handling.reviewQueue();
    }

    @POST
    @Path("/cases/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (审定) the submitted reply; published at once unless publication is manual")
    @APIResponse(responseCode = "200", description = "approved (and published)")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "409", description = "not under review, or a stale version")
    public Done approve(@PathParam("id") Long id, HandlingRequests.Review body) {
        HandlingRequests.Review r = HandlingRequests.require(body);
        return handling.approve(id, r.version, r.comment);
    }

    @POST
    @Path("/cases/{id}/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the reply back to the unit with a comment")
    @APIResponse(responseCode = "200", description = "sent back; the case is drafted again")
    @APIResponse(responseCode = "400", description = "no comment")
    @APIResponse(responseCode = "403", description = "not a leader")
    @APIResponse(responseCode = "409", description = "not under review, or a stale version")
    public Done sendBack(@PathParam("id") Long id, HandlingRequests.Review body) {
        HandlingRequests.Review r = HandlingRequests.require(body);
        return handling.sendBack(id, r.version, r.comment);
    }

    @GET
    @Path("/ready-to-publish")
    @Operation(summary = "Approved replies waiting for the intake officer (manual publication)")
    @APIResponse(responseCode = "403", description = "not an intake officer")
    public List<PublishRow> readyToPublish() {
        return handling.readyToPublish();
    }

    @POST
    @Path("/replies/{id}/publish")
    @Operation(summary = "Publish an approved reply under the citizen's message")
    @APIResponse(responseCode = "200", description = "published")
    @APIResponse(responseCode = "403", description = "not an intake officer")
    @APIResponse(responseCode = "409", description = "not approved")
    public Done publish(@PathParam("id") Long id) {
        return handling.publish(id);
    }

    private static DeadlineState state(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return DeadlineState.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "handling.api.badState");
        }
    }
}
