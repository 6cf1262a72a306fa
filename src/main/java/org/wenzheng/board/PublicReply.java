package org.wenzheng.board;

import java.time.OffsetDateTime;

/**
 * A published reply of a message's lead unit, as shown under the message. {@code bodyHtml} is the reply as stored:
 * the handling feature sanitises it on write (allow-list, {@code org.wenzheng.handling.ReplyHtml}). {@code corrected}:
 * it replaced an earlier published reply (更正) on {@code publishedAt}.
 */
public record PublicReply(Long id, String unitName, String unitNameEn, OffsetDateTime publishedAt, String bodyHtml,
                          boolean corrected) {
}
