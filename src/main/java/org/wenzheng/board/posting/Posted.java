package org.wenzheng.board.posting;

import org.wenzheng.board.TrackingCode;

import java.io.Serializable;

/**
 * The answer to a successful posting: the message id (for the thread link) and the tracking code, shown once.
 * {@code replayed} is true when an idempotent retry found the first posting instead of making a second.
 */
public record Posted(Long messageId, String trackingCode, boolean replayed) implements Serializable {

    /** XXXX-XXXX-XXXX. */
    public String trackingCodeDisplay() {
        return TrackingCode.display(trackingCode);
    }
}
