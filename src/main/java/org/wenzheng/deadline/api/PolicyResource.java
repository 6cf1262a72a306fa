package org.wenzheng.deadline.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.PolicyInput;
import org.wenzheng.deadline.admin.DeadlineAdminService;
import org.wenzheng.deadline.admin.PolicyRefused;
import org.wenzheng.deadline.admin.PolicyView;

import java.util.Locale;

/** The deadline policy for administrators; a change applies to cases routed after it. */
@Path("/deadline/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "Working-day calendar and deadline policy (administrator)")
public class PolicyResource {

    @Inject
    DeadlineAdminService service;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The policy new cases get, and the earlier ones")
    public PolicyView policy() {
        return service.policy();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the policy for cases routed from now on")
    @APIResponse(responseCode = "200", description = "the policy now in force, with the history")
    @APIResponse(responseCode = "400", description = "invalid, with every field's problem")
    public Response change(@NotNull PolicyInput input) {
        try {
            return Response.ok(service.changePolicy(input)).build();
        } catch (PolicyRefused e) {
            Locale locale = language();
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new ApiError("invalid",
                    Texts.get(locale, e.key(), e.args()), e.problems().stream()
                    .map(p -> new ApiError.FieldProblem(p.field(), Texts.get(locale, p.key(), p.args()))).toList()))
                    .build();
        }
    }

    private Locale language() {
        for (Locale l : headers.getAcceptableLanguages()) {
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(l.getLanguage())) {
                return LocaleBean.CHINESE;
            }
        }
        return LocaleBean.CHINESE;
    }
}
