package org.wenzheng.intake.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wenzheng.board.MessageKind;
import org.wenzheng.intake.Classification;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;

/** Register (受理) a message with a classification. */
@Schema(name = "IntakeRegisterRequest")
public record RegisterRequest(
        @Schema(description = "the message version the caller saw (optimistic locking)", required = true)
        @NotNull Long version,
        @Schema(description = "kind as the officer judges it; omitted keeps the citizen's") MessageKind kind,
        @Schema(description = "topic (category id); omitted keeps the citizen's") Long categoryId,
        @Schema(description = "舆情等级", required = true) @NotNull Severity severity,
        @Schema(description = "四色预警", required = true) @NotNull WarningColour warningColour,
        @Schema(description = "urgent: answered within 2 days of the forwarding slip") boolean urgent,
        @Schema(description = "may be shown on the public board (a private message never is)") boolean publicVisible) {

    Classification classification() {
        return new Classification(kind, categoryId, severity, warningColour, urgent, publicVisible);
    }
}
