package org.wenzheng.intake;

import org.wenzheng.board.MessageKind;

import java.io.Serializable;
import java.util.List;

/**
 * The waiting messages counted by kind and by age (calendar time since posting: under 1 day, 1 to 3 days, over 3
 * days), and how many are held for review.
 */
public record QueueCounts(long total, long held, long underOneDay, long oneToThreeDays, long overThreeDays,
                          List<KindCount> byKind) implements Serializable {

    public record KindCount(MessageKind kind, long count) implements Serializable {
    }
}
