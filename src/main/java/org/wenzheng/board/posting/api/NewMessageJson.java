package org.wenzheng.board.posting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wenzheng.board.MessageKind;

/** A message sent by another channel on a citizen's behalf; the same rules as the web form apply. */
@Schema(name = "NewMessage", description = "A citizen's message sent through another channel")
public record NewMessageJson(
        @Schema(required = true, description = "QUESTION, COMPLAINT, SUGGESTION, HELP or OTHER") MessageKind kind,
        @Schema(required = true, description = "id of an active category") Long categoryId,
        @Schema(description = "id of the unit it is meant for; omit if unknown") Long unitId,
        @Schema(required = true, maxLength = 100) String title,
        @Schema(required = true, maxLength = 2000) String body,
        @Schema(maxLength = 50, description = "name to show; optional") String displayName,
        @Schema(description = "mainland mobile or landline; phone or e-mail is required; never shown") String phone,
        @Schema(description = "e-mail; phone or e-mail is required; never shown") String email,
        @Schema(description = "true to keep the message off the public board") Boolean privateMessage) {
}
