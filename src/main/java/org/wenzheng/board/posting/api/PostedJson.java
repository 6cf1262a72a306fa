package org.wenzheng.board.posting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a posting: the tracking code to hand to the citizen, and where the thread will be once accepted. */
@Schema(name = "Posted")
public record PostedJson(long id, String trackingCode, String trackingCodeDisplay, String threadPath,
                         @Schema(description = "true when an Idempotency-Key found an earlier posting") boolean replayed) {
}
