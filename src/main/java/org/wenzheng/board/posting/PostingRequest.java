package org.wenzheng.board.posting;

import org.wenzheng.board.MessageKind;

import java.util.List;

/** What the citizen filled in, as typed; the service trims, normalises and checks it. */
public record PostingRequest(MessageKind kind, Long categoryId, Long unitId, String title, String body,
                             String displayName, String phone, String email, boolean privateMessage,
                             List<Upload> attachments) {

    public PostingRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
