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
import org.wenzheng.people.admin.AdminViews.NewPerson;
import org.wenzheng.people.admin.AdminViews.PersonChange;
import org.wenzheng.people.admin.AdminViews.PersonData;
import org.wenzheng.people.admin.PeopleAdminService;

import java.util.List;

/** People for the administrator. Passwords are only ever sent in, never returned. */
@Path("/admin/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class PeopleResource {

    @Inject
    PeopleAdminService service;

    @GET
    @Operation(summary = "All people, active first")
    public List<PersonData> list() {
        return service.people();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One person")
    @APIResponse(responseCode = "404", description = "no such person")
    public PersonData get(@PathParam("id") Long id) {
        return service.person(id);
    }

    @POST
    @Operation(summary = "Add a person with an initial password (checked by the password policy; must be changed at the first sign-in)")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid (user name taken, weak password, liaison without unit)")
    public Response add(AdminRequests.NewPersonBody body) {
        AdminRequests.NewPersonBody b = AdminRequests.require(body);
        return Response.status(201).entity(service.createPerson(new NewPerson(b.username, b.displayName, b.email,
                b.initialPassword, b.roles, b.unitIds))).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a person's name, e-mail, roles and units (send the version you read)")
    @APIResponse(responseCode = "409", description = "changed meanwhile, or it would leave no active administrator")
    public PersonData change(@PathParam("id") Long id, AdminRequests.PersonBody body) {
        AdminRequests.PersonBody b = AdminRequests.require(body);
        return service.changePerson(new PersonChange(id, b.displayName, b.email, b.roles, b.unitIds, b.version));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(summary = "Deactivate a person: no sign-in, sessions end, API tokens revoked; history kept")
    @APIResponse(responseCode = "409", description = "the last active administrator")
    public PersonData deactivate(@PathParam("id") Long id) {
        return service.setPersonActive(id, false);
    }

    @POST
    @Path("/{id}/reactivate")
    @Operation(summary = "Make a person active again")
    public PersonData reactivate(@PathParam("id") Long id) {
        return service.setPersonActive(id, true);
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(summary = "End a lockout after failed sign-ins")
    public PersonData unlock(@PathParam("id") Long id) {
        return service.unlock(id);
    }

    @POST
    @Path("/{id}/password-reset")
    @Operation(summary = "Set a temporary password that must be changed at the next sign-in; ends the person's sessions")
    public PersonData resetPassword(@PathParam("id") Long id, AdminRequests.PasswordBody body) {
        return service.resetPassword(id, AdminRequests.require(body).temporaryPassword);
    }

    @POST
    @Path("/{id}/end-sessions")
    @Operation(summary = "End every back-office session of the person")
    public PersonData endSessions(@PathParam("id") Long id) {
        return service.endSessions(id);
    }
}
