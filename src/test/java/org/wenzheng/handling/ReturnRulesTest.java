package org.wenzheng.handling;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.people.Unit;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state rules of routing a message and of returning (退回) a case. */
class ReturnRulesTest {

    private static final OffsetDateTime POSTED = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
    private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-10-10T17:00:00+08:00");

    @Test
    void onlyABatchedMessageIsRoutedAndItTakesTheDueDate() {
        Message m = message(MessageStatus.REGISTERED);
        assertThrows(IllegalStateException.class, () -> m.route(DUE, false));
        set(m, "status", MessageStatus.BATCHED);
        m.route(DUE, true);
        assertEquals(MessageStatus.ROUTED, m.getStatus());
        assertEquals(DUE, m.getDueAt());
        assertTrue(m.isUrgent());
        assertThrows(IllegalStateException.class, () -> m.route(DUE, false), "routed only once");
    }

    @Test
    void aReturnedCaseKeepsItsReasonAndTheTimeItBounced() {
        Case c = routedCase();
        OffsetDateTime at = POSTED.plusHours(5);
        c.returnAsMisrouted(at, ReturnReason.NOT_OUR_REMIT, "应由住建局办理");
        assertEquals(CaseStatus.RETURNED, c.getStatus());
        assertEquals(at, c.getReturnedAt());
        assertEquals("NOT_OUR_REMIT", c.getReturnReasonCode());
        assertEquals("应由住建局办理", c.getReturnReason());
        assertFalse(c.isReturnable());
        assertThrows(IllegalStateException.class, () -> c.returnAsMisrouted(at, ReturnReason.OTHER, "again"));
    }

    @Test
    void aCaseWhoseReplyIsUnderReviewCannotBeReturned() {
        Case drafting = routedCase();
        drafting.setStatus(CaseStatus.DRAFTING);
        assertTrue(drafting.isReturnable());
        for (CaseStatus s : new CaseStatus[]{CaseStatus.UNDER_REVIEW, CaseStatus.APPROVED, CaseStatus.PUBLISHED,
                CaseStatus.CLOSED}) {
            Case c = routedCase();
            c.setStatus(s);
            assertFalse(c.isReturnable(), s.name());
            assertThrows(IllegalStateException.class, () -> c.returnAsMisrouted(POSTED, ReturnReason.OTHER, "x"));
        }
    }

    @Test
    void theMessageGoesBackForReroutingAndOpenCoCasesClose() {
        Message m = message(MessageStatus.BATCHED);
        m.route(DUE, false);
        m.backForRerouting();
        assertEquals(MessageStatus.BATCHED, m.getStatus());
        assertNull(m.getDueAt());
        assertThrows(IllegalStateException.class, m::backForRerouting, "only a routed message goes back");

        Case co = routedCase();
        co.closeForRerouting(POSTED.plusHours(6));
        assertEquals(CaseStatus.CLOSED, co.getStatus());
        Case published = routedCase();
        published.setStatus(CaseStatus.PUBLISHED);
        published.closeForRerouting(POSTED.plusHours(6));
        assertEquals(CaseStatus.PUBLISHED, published.getStatus(), "a finished case is left as it is");
    }

    private static Case routedCase() {
        return new Case(message(MessageStatus.ROUTED), new Unit("CG", "城市管理局", null, POSTED), UnitRole.LEAD,
                "请核实", null, POSTED.plusHours(1), DUE, false);
    }

    private static Message message(MessageStatus status) {
        Message m = new Message("ABCD-EFGH-JKMN", MessageKind.COMPLAINT, "标题", "正文", POSTED);
        set(m, "status", status);
        return m;
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
