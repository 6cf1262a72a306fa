package org.wenzheng.supervision.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.wenzheng.intake.Severity;
import org.wenzheng.supervision.BulletinService;
import org.wenzheng.supervision.SupervisionService;
import org.wenzheng.supervision.SupervisionViews.BoardPage;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;
import org.wenzheng.supervision.SupervisionViews.Filter;
import org.wenzheng.supervision.SupervisionViews.NoticeView;

import java.util.List;

/** Supervision for staff: the board of open cases, overdue notices and bulletins. Roles are checked by the services. */
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "Deadline supervision (督办): board, overdue notices, bulletins")
public class SupervisionResource {

    @Inject
    SupervisionService supervision;

    @Inject
    BulletinService bulletins;

    @GET
    @Path("/board")
    @Operation(summary = "Open cases by deadline state, oldest due first, with counts per state (supervisor, leader)")
    @APIResponse(responseCode = "200", description = "a page of the board")
    @APIResponse(responseCode = "400", description = "unknown severity or state")
    @APIResponse(responseCode = "403", description = "not a supervisor or leader")
    public BoardPage board(@QueryParam("unitId") Long unitId, @QueryParam("severity") String severity,
                           @QueryParam("batchId") Long batchId, @QueryParam("state") String state,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        int s = Math.max(1, Math.min(size, 200));
        return supervision.board(new Filter(unitId, parse(Severity.class, severity), batchId,
                parse(DeadlineState.class, state)), Math.max(0, page) * s, s);
    }

    @POST
    @Path("/notices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue overdue notices (督办通知单): for one case, or for all of a unit's overdue unanswered cases")
    @APIResponse(responseCode = "200", description = "the notices issued, numbered, mailed to the unit")
    @APIResponse(responseCode = "400", description = "neither caseId nor unitId")
    @APIResponse(responseCode = "403", description = "not a supervisor")
    @APIResponse(responseCode = "409", description = "not overdue, already answered or already noticed")
    public List<NoticeView> issue(SupervisionRequests.Issue request) {
        SupervisionRequests.Issue r = SupervisionRequests.require(request);
        if (r.caseId != null) {
            return List.of(supervision.issueForCase(r.caseId));
        }
        if (r.unitId != null) {
            return supervision.issueForUnit(r.unitId);
        }
        throw new ActionRefused(ActionRefused.Kind.INVALID, "supervision.api.caseOrUnit");
    }

    @GET
    @Path("/notices/{id}")
    @Operation(summary = "One notice (supervisor, leader, or a liaison of its unit)")
    @APIResponse(responseCode = "200", description = "the notice")
    @APIResponse(responseCode = "403", description = "not allowed for this notice")
    @APIResponse(responseCode = "404", description = "no such notice")
    public NoticeView notice(@PathParam("id") Long id) {
        return supervision.notice(id);
    }

    @GET
    @Path("/notices/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The notice as an A4 PDF (supervisor, leader, or a liaison of its unit)")
    @APIResponse(responseCode = "200", description = "the PDF, as an attachment")
    @APIResponse(responseCode = "403", description = "not allowed for this notice")
    public Response noticePdf(@PathParam("id") Long id) {
        byte[] pdf = supervision.noticePdf(id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"notice-" + id + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/notices/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a notice with an explanation (情况说明); a liaison of the notice's unit only")
    @APIResponse(responseCode = "200", description = "the notice, answered")
    @APIResponse(responseCode = "400", description = "no text, or too long")
    @APIResponse(responseCode = "403", description = "not a liaison of the notice's unit")
    @APIResponse(responseCode = "409", description = "already answered, or changed meanwhile")
    public NoticeView answer(@PathParam("id") Long id, SupervisionRequests.Answer request) {
        SupervisionRequests.Answer r = SupervisionRequests.require(request);
        return supervision.explain(id, r.text, r.version);
    }

    @GET
    @Path("/cases/{id}/notices")
    @Operation(summary = "The notices issued about a case, newest first")
    public List<NoticeView> caseNotices(@PathParam("id") Long caseId) {
        return supervision.noticesOfCase(caseId);
    }

    @GET
    @Path("/bulletins")
    @Operation(summary = "All bulletins, newest first (supervisor, leader)")
    public List<BulletinSummary> bulletins() {
        return bulletins.list();
    }

    @POST
    @Path("/bulletins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a draft bulletin for a period (supervisor)")
    @APIResponse(responseCode = "200", description = "the draft")
    @APIResponse(responseCode = "400", description = "no valid period")
    public BulletinView generate(SupervisionRequests.Generate request) {
        SupervisionRequests.Generate r = SupervisionRequests.require(request);
        return bulletins.generate(r.from, r.to);
    }

    @GET
    @Path("/bulletins/{id}")
    @Operation(summary = "One bulletin with its text and figures (supervisor, leader)")
    public BulletinView bulletin(@PathParam("id") Long id) {
        return bulletins.bulletin(id);
    }

    @POST
    @Path("/bulletins/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a draft bulletin (leader)")
    @APIResponse(responseCode = "409", description = "not a draft, or changed meanwhile")
    public BulletinView approve(@PathParam("id") Long id, SupervisionRequests.Step request) {
        return bulletins.approve(id, request == null ? null : request.version);
    }

    @POST
    @Path("/bulletins/{id}/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a draft bulletin back with a comment (leader)")
    public BulletinView sendBack(@PathParam("id") Long id, SupervisionRequests.Step request) {
        SupervisionRequests.Step r = SupervisionRequests.require(request);
        return bulletins.sendBack(id, r.comment, r.version);
    }

    @POST
    @Path("/bulletins/{id}/revise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise the text of a draft or sent-back bulletin (supervisor)")
    public BulletinView revise(@PathParam("id") Long id, SupervisionRequests.Step request) {
        SupervisionRequests.Step r = SupervisionRequests.require(request);
        return bulletins.revise(id, r.body, r.version);
    }

    @POST
    @Path("/bulletins/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an approved bulletin on the public board, keeping its PDF (supervisor, leader)")
    @APIResponse(responseCode = "409", description = "not approved, or changed meanwhile")
    public BulletinView publish(@PathParam("id") Long id, SupervisionRequests.Step request) {
        return bulletins.publish(id, request == null ? null : request.version);
    }

    @GET
    @Path("/bulletins/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A bulletin as PDF: as kept once published, else as it would print now")
    public Response bulletinPdf(@PathParam("id") Long id) {
        return Response.ok(bulletins.pdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"bulletin-" + id + ".pdf\"").build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "supervision.api.unknownValue", value);
        }
    }
}
