package org.wenzheng.board;

import java.util.List;

/**
 * A public message with everything the thread page shows: the message, its text, the name the citizen chose (or
 * null: pages show "网友"), the timeline, and the lead unit's published replies, oldest first. Never contact data,
 * the tracking code or a rejection reason.
 */
public record PublicThread(PublicMessage message, String body, String displayName, List<TimelineStep> timeline,
                           List<PublicReply> replies) {
}
