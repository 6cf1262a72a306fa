package org.wenzheng.board.posting.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.board.posting.AttachmentDownloads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Staff download a message's attachment: always as a download, never shown inline, with its checked type. */
@Path("/attachments")
@Tag(name = "Attachments")
public class AttachmentResource {

    @Inject
    AttachmentDownloads downloads;

    @GET
    @Path("/{id}")
    @Operation(summary = "Download an attachment (intake officer, leader, supervisor; a liaison only for its units'"
            + " cases): 404 for a file the caller may not see")
    public Response download(@PathParam("id") long id) {
        AttachmentDownloads.Download d = downloads.open(id);
        StreamingOutput body = out -> Files.copy(d.file(), out);
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String utf8 = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
                .header("Content-Length", d.sizeBytes())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
