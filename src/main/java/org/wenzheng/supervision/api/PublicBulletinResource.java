package org.wenzheng.supervision.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.supervision.PublicBulletins;
import org.wenzheng.supervision.SupervisionViews.BulletinSummary;
import org.wenzheng.supervision.SupervisionViews.BulletinView;

import java.util.List;

/** Published bulletins (通报), for everyone, no sign-in. */
@Path("/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bulletins", description = "Published bulletins on units that missed deadlines")
public class PublicBulletinResource {

    @Inject
    PublicBulletins bulletins;

    @GET
    @Operation(summary = "Published bulletins, newest first")
    public List<BulletinSummary> list(@QueryParam("max") @DefaultValue("20") int max) {
        return bulletins.published(max);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One published bulletin")
    @APIResponse(responseCode = "404", description = "no such published bulletin")
    public BulletinView get(@PathParam("id") Long id) {
        return bulletins.bulletin(id);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A published bulletin's PDF, as kept when it was published")
    public Response pdf(@PathParam("id") Long id) {
        return Response.ok(bulletins.pdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"bulletin-" + id + ".pdf\"").build();
    }
}
