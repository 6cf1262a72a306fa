package org.wenzheng.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A public message with everything the thread page shows: the message, its text, the name the citizen chose (or
 * null: pages show "网友"), the timeline, and the lead unit's published replies, oldest first. Never contact data,
 * the tracking code or a rejection reason.
 */
public record PublicThread(PublicMessage message, String body, String displayName, List<TimelineStep> timeline,
                           List<PublicReply> replies) {

    /**
     * A digest of everything the thread page shows (the records' text form covers every field): equal fingerprints,
     * equal pages, so a stored page can be served again without rendering it (see PublicPageValidator).
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
