package org.wenzheng.board.posting.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.board.posting.ChannelTokens;
import org.wenzheng.board.posting.Posted;
import org.wenzheng.board.posting.PostingOrigin;
import org.wenzheng.board.posting.PostingRefused;
import org.wenzheng.board.posting.PostingRequest;
import org.wenzheng.board.posting.PostingService;
import org.wenzheng.board.posting.TrackingView;
import org.wenzheng.common.ApiError;
import org.wenzheng.common.web.Texts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Other channels (12345 hotline, mini-programs) post messages for citizens and follow them, authenticated by the
 * channel token the administrator issued: {@code Authorization: Bearer <token>}. The channel's name is recorded as
 * the message's channel. Answers never contain contact data. One instance serves every request (it keeps nothing
 * of a request), so that a busy channel does not pay for building a resource and its injections on each call.
 */
@ApplicationScoped
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages", description = "Posting and tracking messages from other channels")
@SecurityScheme(securitySchemeName = "channelToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A channel token issued by the administrator")
@SecurityRequirement(name = "channelToken")
public class MessagesResource {

    private static final int MAX_IDEMPOTENCY_KEY = 100;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PostingService service;

    @Inject
    ChannelTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a citizen's message",
            description = "Checked like the web form (lengths, phone and e-mail formats, rate limit per contact,"
                    + " same text from the same contact within a day refused). The message is not public until"
                    + " the intake officer accepts it. Hand the tracking code to the citizen.")
    @APIResponse(responseCode = "201", description = "Posted (or, with a repeated Idempotency-Key, the first result)",
            content = @Content(schema = @Schema(implementation = PostedJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "Missing, unknown or deactivated channel token")
    @APIResponse(responseCode = "409", description = "The same text from the same contact within a day",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many messages from this contact in the last hour",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response post(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "Any unique string up to 100 characters; a retry with the same key returns the"
                            + " first result instead of posting twice")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewMessageJson.class))) String body) {
        Optional<String> channel = tokens.verify(bearer(authorization));
        if (channel.isEmpty()) {
            return unauthorized();
        }
        Locale locale = locale(acceptLanguage);
        NewMessageJson json;
        try {
            // Read here rather than by the provider, so that malformed JSON or an unknown kind is a 400 with a body.
            json = body == null || body.isBlank() ? null : JSON.fromJson(body, NewMessageJson.class);
        } catch (JsonbException e) {
            json = null;
        }
        if (json == null) {
            return problem(Response.Status.BAD_REQUEST, "invalid", "The body must be a NewMessage JSON object",
                    List.of());
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
            return problem(Response.Status.BAD_REQUEST, "invalid", "Idempotency-Key: at most 100 characters",
                    List.of());
        }
        PostingRequest request = new PostingRequest(json.kind(), json.categoryId(), json.unitId(), json.title(),
                json.body(), json.displayName(), json.phone(), json.email(),
                Boolean.TRUE.equals(json.privateMessage()), List.of());
        try {
            Posted p = service.post(request, PostingOrigin.channel(channel.get(), key));
            return Response.status(Response.Status.CREATED)
                    .header("Idempotent-Replayed", Boolean.toString(p.replayed()))
                    .entity(new PostedJson(p.messageId(), p.trackingCode(), p.trackingCodeDisplay(),
                            "/board/thread.xhtml?id=" + p.messageId(), p.replayed()))
                    .build();
        } catch (PostingRefused refused) {
            return refusal(refused, locale);
        }
    }

    @GET
    @Path("/track/{code}")
    @Operation(summary = "The citizen's view of a message, by tracking code",
            description = "Status and public step, due date, published replies of the lead unit with their rating,"
                    + " follow-ups, and the reason if the message was not accepted. Never contact data. Wrong codes"
                    + " are throttled per channel.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = TrackingView.class)))
    @APIResponse(responseCode = "401", description = "Missing, unknown or deactivated channel token")
    @APIResponse(responseCode = "404", description = "No message has this code",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong codes; try later",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response track(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "the tracking code, with or without dashes") @PathParam("code") String code) {
        Optional<String> channel = tokens.verify(bearer(authorization));
        if (channel.isEmpty()) {
            return unauthorized();
        }
        try {
            return Response.ok(service.track(code, "channel:" + channel.get())).build();
        } catch (PostingRefused refused) {
            return refusal(refused, locale(acceptLanguage));
        }
    }

    private static Response refusal(PostingRefused refused, Locale locale) {
        List<ApiError.FieldProblem> fields = refused.problems().stream()
                .map(p -> new ApiError.FieldProblem(p.field(), Texts.get(locale, p.key(), p.args().toArray())))
                .toList();
        String first = fields.isEmpty() ? "" : fields.get(0).message();
        return switch (refused.reason()) {
            case INVALID -> problem(Response.Status.BAD_REQUEST, "invalid", first, fields);
            case DUPLICATE -> problem(Response.Status.CONFLICT, "duplicate", first, fields);
            case RATE_LIMITED -> problem(Response.Status.TOO_MANY_REQUESTS, "rate_limited", first, fields);
            case THROTTLED -> problem(Response.Status.TOO_MANY_REQUESTS, "throttled", first, fields);
            case UNKNOWN_CODE -> problem(Response.Status.NOT_FOUND, "unknown_code", first, fields);
        };
    }

    private static Response problem(Response.Status status, String code, String message,
                                    List<ApiError.FieldProblem> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(code, message, fields)).build();
    }

    private static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wenzheng\"")
                .entity(new ApiError("unauthenticated", "A valid channel token is required")).build();
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
