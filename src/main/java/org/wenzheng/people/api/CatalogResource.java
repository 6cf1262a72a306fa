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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.people.catalog.CatalogService;
import org.wenzheng.people.catalog.CatalogViews.BoardSettingsData;
import org.wenzheng.people.catalog.CatalogViews.CategoryData;

import java.util.List;

/** Categories and board settings for the administrator. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class CatalogResource {

    @Inject
    CatalogService service;

    @GET
    @Path("/categories")
    @Operation(summary = "All categories, active first in their order")
    public List<CategoryData> categories() {
        return service.categories();
    }

    @POST
    @Path("/categories")
    @Operation(summary = "Add a category")
    public Response add(AdminRequests.CategoryBody body) {
        AdminRequests.CategoryBody b = AdminRequests.require(body);
        return Response.status(201).entity(service.saveCategory(
                new CategoryData(null, b.code, b.name, b.nameEn, b.sortOrder, true))).build();
    }

    @PUT
    @Path("/categories/{id}")
    @Operation(summary = "Change a category's code, names and order")
    public CategoryData change(@PathParam("id") Long id, AdminRequests.CategoryBody body) {
        AdminRequests.CategoryBody b = AdminRequests.require(body);
        return service.saveCategory(new CategoryData(id, b.code, b.name, b.nameEn, b.sortOrder, true));
    }

    @POST
    @Path("/categories/{id}/deactivate")
    @Operation(summary = "Deactivate a category (no longer offered; existing messages keep it)")
    public CategoryData deactivate(@PathParam("id") Long id) {
        return service.setCategoryActive(id, false);
    }

    @POST
    @Path("/categories/{id}/reactivate")
    @Operation(summary = "Make a category active again")
    public CategoryData reactivate(@PathParam("id") Long id) {
        return service.setCategoryActive(id, true);
    }

    @GET
    @Path("/board-settings")
    @Operation(summary = "Banned words and posting limit: as stored, and as posting applies them now")
    public BoardSettingsData settings() {
        return service.boardSettings();
    }

    @PUT
    @Path("/board-settings")
    @Operation(summary = "Store the banned words and the posting limit per hour")
    public BoardSettingsData saveSettings(AdminRequests.BoardSettingsBody body) {
        AdminRequests.BoardSettingsBody b = AdminRequests.require(body);
        return service.saveBoardSettings(b.bannedWords == null ? null : String.join("\n", b.bannedWords),
                b.maxPerHour);
    }

    @GET
    @Path("/publication")
    @Operation(summary = "How approved replies are published: {\"manual\": false} means at approval (the default),"
            + " true means when the intake officer publishes them")
    public jakarta.json.JsonObject publication() {
        return jakarta.json.Json.createObjectBuilder().add("manual", service.manualPublication()).build();
    }

    @PUT
    @Path("/publication")
    @Operation(summary = "Set how approved replies are published: body {\"manual\": true|false}")
    public jakarta.json.JsonObject setPublication(jakarta.json.JsonObject body) {
        if (body == null || !body.containsKey("manual") || body.get("manual").getValueType() != jakarta.json.JsonValue.ValueType.TRUE
                && body.get("manual").getValueType() != jakarta.json.JsonValue.ValueType.FALSE) {
            throw new org.wenzheng.common.ActionRefused(org.wenzheng.common.ActionRefused.Kind.INVALID,
                    "admin.publication.error");
        }
        return jakarta.json.Json.createObjectBuilder()
                .add("manual", service.setManualPublication(body.getBoolean("manual"))).build();
    }
}
