package org.wenzheng.people.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.people.admin.AdminViews.UnitCommand;
import org.wenzheng.people.admin.AdminViews.UnitData;
import org.wenzheng.people.admin.PeopleAdminService;

import java.util.List;

/** Units for the administrator. */
@Path("/admin/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Administration (系统管理): units, people, categories, board settings, API tokens")
public class UnitsResource {

    @Inject
    PeopleAdminService service;

    @GET
    @Operation(summary = "All units in tree order, with their liaisons")
    public List<UnitData> list() {
        return service.units();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One unit")
    @APIResponse(responseCode = "404", description = "no such unit")
    public UnitData get(@PathParam("id") Long id) {
        return service.unit(id);
    }

    @POST
    @Operation(summary = "Add a unit")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid (code taken, unknown parent, bad e-mail)")
    public Response add(AdminRequests.UnitBody body) {
        AdminRequests.UnitBody b = AdminRequests.require(body);
        return Response.status(201).entity(service.saveUnit(command(null, b))).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a unit (send the version you read); a parent that would make a loop is refused")
    @APIResponse(responseCode = "409", description = "changed meanwhile")
    public UnitData change(@PathParam("id") Long id, AdminRequests.UnitBody body) {
        return service.saveUnit(command(id, AdminRequests.require(body)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a unit (refused while it has active sub-units)")
    public UnitData deactivate(@PathParam("id") Long id) {
        return service.setUnitActive(id, false);
    }

    @POST
    @Path("/{id}/reactivate")
    @Operation(summary = "Make a unit active again")
    public UnitData reactivate(@PathParam("id") Long id) {
        return service.setUnitActive(id, true);
    }

    @PUT
    @Path("/{id}/liaisons")
    @Operation(summary = "Set exactly the unit's liaisons (people with the LIAISON role)")
    public UnitData liaisons(@PathParam("id") Long id, AdminRequests.LiaisonsBody body) {
        return service.setLiaisons(id, AdminRequests.require(body).personIds);
    }

    private static UnitCommand command(Long id, AdminRequests.UnitBody b) {
        return new UnitCommand(id, b.code, b.name, b.nameEn, b.parentId, b.headName, b.headEmail, b.email,
                b.liaisonIds, b.version);
    }
}
