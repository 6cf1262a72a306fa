package org.wenzheng.board;

import java.time.OffsetDateTime;

/**
 * A published reply of a message's lead unit, as shown under the message. {@code bodyHtml} is the reply as stored:
 * the handling feature sanitises it on write (allow-list); pages escape it until that sanitiser exists.
 */
public record PublicReply(Long id, String unitName, String unitNameEn, OffsetDateTime publishedAt, String bodyHtml) {
}
