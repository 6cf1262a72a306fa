package org.wenzheng.batch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.batch.BatchService;
import org.wenzheng.batch.BatchSummary;
import org.wenzheng.batch.Slip;
import org.wenzheng.common.ApiError;

import java.util.List;

/** The daily batches, for staff (the signed-in session's roles apply; 403 without them). */
@Path("/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "batches", description = "The daily batch (批次) and its forwarding slip (抄告单)")
public class BatchResource {

    @Inject
    BatchService batches;

    @GET
    @Operation(summary = "Batches, newest first (intake officer, leader, supervisor)")
    public List<BatchSummary> latest(@QueryParam("size") @DefaultValue("50") int size) {
        return batches.latest(size);
    }

    @POST
    @Operation(summary = "Cut the daily batch now (intake officer, leader): 201 with the batch, 200 with"
            + " code batch.nothing when nothing is registered, 503 if the job did not complete")
    public Response cut() {
        BatchService.CutResult result = batches.startNow();
        if (!result.completed()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError("batch.incomplete", "The batch job did not complete; run it again to finish"))
                    .build();
        }
        if (result.nothingToGather()) {
            return Response.ok(new ApiError("batch.nothing", "No registered message waits; no batch was created"))
                    .build();
        }
        return Response.status(Response.Status.CREATED).entity(result.batch()).build();
    }

    @GET
    @Path("/{id}/slip")
    @Operation(summary = "The forwarding slip of a batch")
    public Slip slip(@PathParam("id") long id) {
        return batches.slip(id, Integer.MAX_VALUE).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{id}/slip.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The forwarding slip of a batch as a printable PDF (A4, fonts embedded)")
    public Response slipPdf(@PathParam("id") long id) {
        byte[] pdf = batches.slipPdf(id).orElseThrow(NotFoundException::new);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"slip-" + id + ".pdf\"")
                .build();
    }
}
