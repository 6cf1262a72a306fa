package org.wenzheng.common.mail;

import java.util.Objects;

/** A file sent with a mail, as rendered at sending time by a {@link MailAttachmentSource}. */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /** What a queued mail keeps of an attachment: which document, by kind and id. */
    public record Ref(String kind, long id) {
        public Ref {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
