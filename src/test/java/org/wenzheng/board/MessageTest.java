package org.wenzheng.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

    private static Message message() {
        return new Message("ABCDEFGHJKMN", MessageKind.COMPLAINT, "噪音扰民", "晚上很吵", T);
    }

    @Test
    void aNewMessageIsSubmittedAndNotPublic() {
        Message m = message();
        assertEquals(MessageStatus.SUBMITTED, m.getStatus());
        assertFalse(m.isPublicVisible());
    }

    @Test
    void registeringMakesItPublicUnlessTheCitizenAskedForPrivacyOrTheOfficerSaidNo() {
        Message m = message();
        m.register(null, T.plusHours(1), Severity.ORDINARY, WarningColour.BLUE, false, true);
        assertEquals(MessageStatus.REGISTERED, m.getStatus());
        assertTrue(m.isPublicVisible());

        Message privateOne = message();
        privateOne.setPrivateMessage(true);
        privateOne.register(null, T, Severity.ORDINARY, WarningColour.BLUE, false, true);
        assertFalse(privateOne.isPublicVisible());

        Message keptBack = message();
        keptBack.register(null, T, Severity.MAJOR, WarningColour.RED, true, false);
        assertFalse(keptBack.isPublicVisible());
        assertTrue(keptBack.isUrgent());
        assertEquals(Severity.MAJOR, keptBack.getSeverity());
    }

    @Test
    void aRejectedMessageKeepsItsReasonAndIsNeverPublic() {
        Message m = message();
        m.reject(null, T, "不属于本地管辖范围");
        assertEquals(MessageStatus.REJECTED, m.getStatus());
        assertEquals("不属于本地管辖范围", m.getRejectedReason());
        assertFalse(m.isPublicVisible());
    }

    @Test
    void aMessageIsRegisteredOrRejectedOnlyOnce() {
        Message m = message();
        m.register(null, T, Severity.ORDINARY, WarningColour.BLUE, false, true);
        assertThrows(IllegalStateException.class, () -> m.reject(null, T, "x"));
        assertThrows(IllegalStateException.class,
                () -> m.register(null, T, Severity.ORDINARY, WarningColour.BLUE, false, true));
    }

    @ParameterizedTest
    @EnumSource(MessageStatus.class)
    void onlyAcceptedStatusesCountAsAccepted(MessageStatus s) {
        boolean expected = switch (s) {
            case SUBMITTED, HELD, REJECTED, MERGED -> false;
            default -> true;
        };
        assertEquals(expected, s.isAccepted());
    }

    @Test
    void theTimelineStepsFollowThePublicOrder() {
        assertEquals(0, MessageStatus.SUBMITTED.publicStep());
        assertEquals(1, MessageStatus.BATCHED.publicStep());
        assertEquals(2, MessageStatus.ROUTED.publicStep());
        assertEquals(3, MessageStatus.HANDLING.publicStep());
        assertEquals(4, MessageStatus.REPLIED.publicStep());
        assertEquals(5, MessageStatus.ARCHIVED.publicStep());
    }
}
