package org.wenzheng.privacy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.privacy.Contact;
import org.wenzheng.privacy.ContactService;

/** A message's contact in full for an intake officer's system; every call is audited as CONTACT_VIEWED. */
@Path("/privacy/messages/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "privacy", description = "Citizens' contact data: masked everywhere else, in full here (intake officers,"
        + " audited)")
public class ContactResource {

    @Inject
    ContactService contacts;

    @GET
    @Operation(summary = "The citizen's phone and e-mail in full (intake officers only; writes CONTACT_VIEWED)")
    @APIResponse(responseCode = "404", description = "no such message")
    public Contact contact(@PathParam("id") long id) {
        return contacts.reveal(id).orElseThrow(NotFoundException::new);
    }
}
