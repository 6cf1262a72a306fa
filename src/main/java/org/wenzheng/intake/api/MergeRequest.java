package org.wenzheng.intake.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Merge a message into another, accepted one about the same matter. */
@Schema(name = "IntakeMergeRequest")
public record MergeRequest(
        @Schema(description = "the message version the caller saw (optimistic locking)", required = true)
        @NotNull Long version,
        @Schema(description = "id of the accepted message to merge into", required = true) @NotNull Long targetId) {
}
