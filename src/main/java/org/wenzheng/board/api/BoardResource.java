package org.wenzheng.board.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.board.BoardFilter;
import org.wenzheng.board.BoardPage;
import org.wenzheng.board.BoardService;
import org.wenzheng.board.BoardStatistics;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.PublicMessage;
import org.wenzheng.board.PublicThread;
import org.wenzheng.board.StatsSnapshot;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The public board, read by anyone, through the same services as the pages: never contact data, tracking codes,
 * IP addresses or rejection reasons. One instance serves every request; {@code uri} is Jersey's proxy to the
 * current request's.
 */
@Path("/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board", description = "The public message board")
@ApplicationScoped
public class BoardResource {

    @Inject
    BoardService board;

    @Inject
    BoardStatistics statistics;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Path("/messages")
    @Operation(summary = "Accepted public messages, newest first, or by relevance with q",
            description = "A JSON array of at most `size` messages. When there is a further page, the response has"
                    + " a `Link` header with rel=\"next\". Pages are capped at " + BoardFilter.MAX_PAGE
                    + " (from 0); a search ranks at most the " + BoardService.MAX_SEARCH_CANDIDATES
                    + " newest matches.")
    @APIResponse(responseCode = "200", description = "a page of messages",
            headers = @Header(name = "Link", description = "rel=\"next\" URL when there is a further page"),
            content = @Content(schema = @Schema(implementation = PublicMessage.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "a malformed filter (an unknown kind, a non-numeric id, a step"
            + " outside 1-5)")
    @APIResponse(responseCode = "422", description = "the search passed its time limit (code search_too_broad):"
            + " narrow it with more specific words or a filter",
            content = @Content(schema = @Schema(implementation = org.wenzheng.common.ApiError.class)))
    public Response messages(
            @Parameter(description = "page number, from 0, at most " + BoardFilter.MAX_PAGE)
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "page size, at most " + BoardService.MAX_PAGE_SIZE)
            @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "kind: QUESTION, COMPLAINT, SUGGESTION, HELP, OTHER")
            @QueryParam("kind") String kind,
            @Parameter(description = "topic (category) id") @QueryParam("topic") String topic,
            @Parameter(description = "unit id") @QueryParam("unit") String unit,
            @Parameter(description = "public step: 1 accepted, 2 forwarded, 3 in progress, 4 answered, 5 closed")
            @QueryParam("step") String step,
            @Parameter(description = "search text (Chinese, English, digits); empty or punctuation only: no search")
            @QueryParam("q") String q) {
        MessageKind k = BoardFilter.parseKind(kind);
        if (kind != null && !kind.isBlank() && k == null) {
            throw new BadRequestException("unknown kind");
        }
        Long topicId = BoardFilter.parseId(topic);
        Long unitId = BoardFilter.parseId(unit);
        Integer stepNumber = BoardFilter.parseInt(step);
        if (given(topic) && topicId == null || given(unit) && unitId == null) {
            throw new BadRequestException("topic and unit are positive ids");
        }
        if (given(step) && (stepNumber == null || stepNumber < 1 || stepNumber > 5)) {
            throw new BadRequestException("step must be 1 to 5");
        }
        BoardFilter filter = new BoardFilter(k, topicId, unitId, stepNumber, q, page);
        BoardPage result = board.list(filter, size);
        if (result.searchTooBroad()) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new org.wenzheng.common.ApiError("search_too_broad",
                            "The search took too long; use more specific words or a filter")).build();
        }
        Response.ResponseBuilder response = Response.ok(result.items());
        if (result.hasNext()) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("page", result.page() + 1).build(), "next");
        }
        return response.build();
    }

    private static boolean given(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    @GET
    @Path("/messages/{id}")
    @Operation(summary = "A public message with its timeline and the lead unit's published replies",
            description = "404 for a message that does not exist or is not public (private, rejected, merged, not"
                    + " yet accepted); the two cannot be told apart.")
    @APIResponse(responseCode = "200", description = "the thread",
            content = @Content(schema = @Schema(implementation = PublicThread.class)))
    @APIResponse(responseCode = "404", description = "no such public message")
    public PublicThread thread(@Parameter(description = "message id") @PathParam("id") long id) {
        return board.thread(id).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Public reply statistics, overall and per unit, all time and this month",
            description = "Computed at most every wz.stats.refreshSeconds (default 300) seconds; `asOf` says when.")
    @APIResponse(responseCode = "200", description = "the statistics",
            content = @Content(schema = @Schema(implementation = StatsSnapshot.class)))
    public StatsSnapshot stats() {
        return statistics.current();
    }

    @GET
    @Path("/feed.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed of the most recently replied public messages")
    @APIResponse(responseCode = "200", description = "an Atom 1.0 feed",
            content = @Content(mediaType = "application/atom+xml"))
    public Response feed() {
        URI root = uri.getBaseUri().resolve("../../");
        byte[] xml = AtomFeed.write(Texts.get(LocaleBean.CHINESE, "feed.title"), uri.getRequestUri(),
                root.resolve("board/index.xhtml"), root.resolve("board/thread.xhtml").toString() + "?id=",
                board.recentlyReplied(BoardService.FEED_SIZE), OffsetDateTime.now(clock),
                Texts.get(LocaleBean.CHINESE, "feed.repliedBy"));
        return Response.ok(xml, "application/atom+xml; charset=UTF-8").build();
    }
}
