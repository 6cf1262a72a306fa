package org.wenzheng.intake.api;

import org.wenzheng.intake.QueueItem;

import java.util.List;

/** A page of the intake queue; {@code next} is the cursor for the following page (null at the end). */
public record QueuePage(List<QueueItem> items, Long next) {
}
