package org.wenzheng.audit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.audit.AuditSearch;
import org.wenzheng.audit.AuditViews.AuditPage;
import org.wenzheng.audit.AuditViews.AuditQuery;
import org.wenzheng.audit.AuditViews.Verification;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The audit trail for administrators. {@code GET /api/v1/admin/audit/verify} answers 200 when the chain is intact
 * and 409 naming the first broken entry, so that {@code curl --fail-with-body} exits non-zero on tampering.
 */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only, hash-chained audit trail")
public class AuditResource {

    @Inject
    AuditSearch audit;

    @GET
    @Operation(summary = "Search entries, newest first (actor, objectType, objectId, action, from/to as yyyy-MM-dd in China time)")
    @APIResponse(responseCode = "400", description = "a date is not yyyy-MM-dd")
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
                            @QueryParam("objectId") Long objectId, @QueryParam("action") String action,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        return audit.search(query(actor, objectType, objectId, action, from, to), page, size);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The search as CSV (UTF-8 with BOM, opens in Excel), at most 100,000 entries")
    public Response csv(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
                        @QueryParam("objectId") Long objectId, @QueryParam("action") String action,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery q = query(actor, objectType, objectId, action, from, to);
        // Written inside the service's transaction, then sent: a refused role is a 403, not a broken stream.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportCsv(q, out);
        return Response.ok((StreamingOutput) o -> out.writeTo(o), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("/export.json")
    @Operation(summary = "The search as a JSON array, at most 100,000 entries")
    public Response json(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
                         @QueryParam("objectId") Long objectId, @QueryParam("action") String action,
                         @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery q = query(actor, objectType, objectId, action, from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportJson(q, out);
        return Response.ok((StreamingOutput) o -> out.writeTo(o), "application/json; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.json\"").build();
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Verify the hash chain: 200 intact, 409 with the first broken entry")
    @APIResponse(responseCode = "409", description = "the chain is broken; the body names the first broken entry")
    public Response verify() {
        Verification v = audit.verify();
        return Response.status(v.intact() ? 200 : 409).entity(v).build();
    }

    private static AuditQuery query(String actor, String objectType, Long objectId, String action, String from,
                                    String to) {
        return new AuditQuery(actor, objectType, objectId, action, date(from), date(to));
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new org.wenzheng.common.ActionRefused(org.wenzheng.common.ActionRefused.Kind.INVALID,
                    "audit.error.date");
        }
    }
}
