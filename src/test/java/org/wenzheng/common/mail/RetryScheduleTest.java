package org.wenzheng.common.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryScheduleTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

    @Test
    void theDefaultScheduleBacksOffAndGivesUpAfterAboutADay() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertEquals(Optional.of(Duration.ofMinutes(1)), s.delayAfter(1));
        assertEquals(Optional.of(Duration.ofMinutes(5)), s.delayAfter(2));
        assertEquals(Optional.empty(), s.delayAfter(s.delays().size() + 1));
        assertEquals(Optional.empty(), s.delayAfter(0));
        Duration total = s.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofHours(23).plusMinutes(51), total);
    }

    @Test
    void aFailedMailWaitsThenFailsForGoodWhenTheScheduleIsUsedUp() {
        RetrySchedule twoTries = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));
        OutgoingMail mail = new OutgoingMail("a@example.org", "主题", "正文", "case", 1L, T);
        mail.failed(T, "Connection refused", twoTries);
        assertEquals(OutgoingMail.Status.PENDING, mail.getStatus());
        assertEquals(T.plusMinutes(1), mail.getNextAttemptAt());
        assertEquals(1, mail.getAttempts());
        mail.failed(T.plusMinutes(1), "Connection refused", twoTries);
        assertEquals(T.plusMinutes(11), mail.getNextAttemptAt());
        mail.failed(T.plusMinutes(11), "x".repeat(900), twoTries);
        assertEquals(OutgoingMail.Status.FAILED, mail.getStatus());
        assertEquals(500, mail.getLastError().length());
        assertEquals(3, mail.getAttempts());
    }

    @Test
    void aSentMailRecordsWhenAndClearsTheError() {
        OutgoingMail mail = new OutgoingMail("a@example.org", "主题", "正文", "case", 1L, T);
        mail.failed(T, "down", RetrySchedule.DEFAULT);
        mail.sent(T.plusMinutes(2));
        assertEquals(OutgoingMail.Status.SENT, mail.getStatus());
        assertEquals(T.plusMinutes(2), mail.getSentAt());
        assertNull(mail.getLastError());
        assertEquals(2, mail.getAttempts());
    }
}
