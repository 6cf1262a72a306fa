package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinePolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void defaultsAreTheProceduresNumbers() {
        assertEquals(new DeadlinePolicy(3, 2, 5, true, LocalTime.of(17, 0), SHANGHAI), DeadlinePolicy.defaults());
    }

    @ParameterizedTest(name = "{0}/{1}/{2} is accepted")
    @CsvSource({"3, 2, 5", "5, 5, 5", "1, 1, 1", "10, 1, 15"})
    void acceptsConsistentNumbers(int normal, int urgent, int cap) {
        DeadlinePolicy policy = new DeadlinePolicy(normal, urgent, cap, false, LocalTime.of(18, 30), SHANGHAI);
        assertEquals(cap, policy.capDays());
    }

    @ParameterizedTest(name = "{0}/{1}/{2} is refused: {3}")
    @CsvSource({
            " 0, 2, 5, normalDays must be positive",
            "-1, 2, 5, normalDays must be positive",
            " 3, 0, 5, urgentDays must be positive",
            " 3, 2, 0, capDays must be positive",
            " 3, 6, 5, urgentDays (6) must not exceed capDays (5)",
            " 6, 2, 5, normalDays (6) must not exceed capDays (5)",
    })
    void refusesInconsistentNumbers(int normal, int urgent, int cap, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeadlinePolicy(normal, urgent, cap, true, LocalTime.of(17, 0), SHANGHAI));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void refusesMissingTimeOrZoneAndMidnight() {
        assertThrows(NullPointerException.class, () -> new DeadlinePolicy(3, 2, 5, true, null, SHANGHAI));
        assertThrows(NullPointerException.class, () -> new DeadlinePolicy(3, 2, 5, true, LocalTime.of(17, 0), null));
        assertThrows(IllegalArgumentException.class,
                () -> new DeadlinePolicy(3, 2, 5, true, LocalTime.MIDNIGHT, SHANGHAI));
    }
}
