package org.wenzheng.handling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.wenzheng.board.Rating;
import org.wenzheng.board.posting.ReplyRated;

/**
 * 重办: a citizen not satisfied (不满意) with a published reply sends the lead case back for handling. Observed in the
 * rating's own transaction, so the rating and the reopening are stored together or not at all.
 */
@ApplicationScoped
public class Reopening {

    @Inject
    HandlingService handling;

    void onRated(@Observes ReplyRated rated) {
        if (rated.grade() == Rating.Grade.DISSATISFIED) {
            handling.reopen(rated.replyId());
        }
    }
}
