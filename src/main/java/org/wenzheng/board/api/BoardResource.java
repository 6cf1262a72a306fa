package org.wenzheng.board.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.PublicMessage;

import java.util.List;

/** The public board, read by anyone, through the same service as the pages. */
@Path("/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board", description = "The public message board")
public class BoardResource {

    @Inject
    BoardService board;

    @GET
    @Path("/messages")
    @Operation(summary = "The newest accepted public messages, newest first")
    public List<PublicMessage> latest(
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "page size, at most 50") @QueryParam("size") @DefaultValue("20") int size) {
        return board.latest(page, size);
    }
}
