package org.wenzheng.intake;

import java.io.Serializable;

/** An attachment as staff see it in intake: name, type and size (downloading comes later). */
public record AttachmentInfo(long id, String fileName, String contentType, long sizeBytes) implements Serializable {
}
