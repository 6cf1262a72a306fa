package org.wenzheng.routing.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.wenzheng.routing.RoutingRuleService;
import org.wenzheng.routing.RoutingRuleService.RuleData;

import java.util.List;

/** Routing rules for the administrator. PUT with {@code active: false} deactivates a rule. */
@Path("/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "routing", description = "Instruction and routing of batched messages (批办)")
public class RoutingRuleResource {

    @Inject
    RoutingRuleService rules;

    @GET
    @Operation(summary = "All routing rules, active first")
    public List<RuleData> list() {
        return rules.rules();
    }

    @POST
    @Operation(summary = "Add a routing rule")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid, with the fields")
    public Response add(@Valid Requests.Rule rule) {
        Requests.Rule in = Requests.require(rule);
        in.active = true;
        in.version = null;
        return Response.status(201).entity(rules.save(in.data(null))).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change or deactivate a routing rule (send the version you read)")
    @APIResponse(responseCode = "200", description = "changed")
    @APIResponse(responseCode = "409", description = "changed meanwhile")
    public RuleData change(@PathParam("id") Long id, @Valid Requests.Rule rule) {
        return rules.save(Requests.require(rule).data(id));
    }
}
