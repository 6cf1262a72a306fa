package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wenzheng.intake.Severity;

class PolicyInputTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static PolicyInput input(Integer normal, Integer urgent, Integer cap, String end, String major,
                                     String extraordinary) {
        return new PolicyInput(normal, urgent, cap, true, end, major == null ? null : new BigDecimal(major),
                extraordinary == null ? null : new BigDecimal(extraordinary), 1);
    }

    @Test
    void theDefaultsRoundTrip() {
        PolicyInput shown = PolicyInput.of(DeadlineSettings.defaults());
        assertEquals(new PolicyInput(3, 2, 5, true, "17:00", new BigDecimal("2"), new BigDecimal("1"), 1), shown);
        assertEquals(List.of(), shown.problems());
        assertEquals(DeadlineSettings.defaults(), shown.toSettings(SHANGHAI));
    }

    @ParameterizedTest(name = "{0}/{1}/{2} end {3} major {4} extraordinary {5} → {6} {7}")
    @CsvSource({
            "0, 2, 5, 17:00, 2, 1, normalDays, policy.error.days",
            "31, 2, 30, 17:00, 2, 1, normalDays, policy.error.days",
            ", 2, 5, 17:00, 2, 1, normalDays, policy.error.required",
            "3, 0, 5, 17:00, 2, 1, urgentDays, policy.error.days",
            "3, 2, 2, 17:00, 2, 1, capDays, policy.error.capBelowNormal",
            "2, 4, 3, 17:00, 2, 1, capDays, policy.error.capBelowUrgent",
            "3, 2, 5, 5pm, 2, 1, endOfWorkingDay, policy.error.time",
            "3, 2, 5, 17:00:30, 2, 1, endOfWorkingDay, policy.error.time",
            "3, 2, 5, 09:00, 2, 1, endOfWorkingDay, policy.error.endTooEarly",
            "3, 2, 5, , 2, 1, endOfWorkingDay, policy.error.required",
            "3, 2, 5, 17:00, 0, 1, majorFirstResponseHours, policy.error.hours",
            "3, 2, 5, 17:00, 73, 1, majorFirstResponseHours, policy.error.hours",
            "3, 2, 5, 17:00, 0.001, 1, majorFirstResponseHours, policy.error.hours",
            "3, 2, 5, 17:00, 2, 3, extraordinaryFirstResponseHours, policy.error.extraordinarySlower",
            "3, 2, 5, 17:00, 2, , extraordinaryFirstResponseHours, policy.error.required",
    })
    void eachProblemNamesItsField(Integer normal, Integer urgent, Integer cap, String end, String major,
                                  String extraordinary, String field, String key) {
        List<PolicyInput.Problem> problems = input(normal, urgent, cap, end, major, extraordinary).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(field, problems.get(0).field());
        assertEquals(key, problems.get(0).key());
        assertThrows(IllegalArgumentException.class,
                () -> input(normal, urgent, cap, end, major, extraordinary).toSettings(SHANGHAI));
    }

    @ParameterizedTest(name = "lead {0} with cap 5 → {1}")
    @CsvSource({", policy.error.required", "0, policy.error.days", "31, policy.error.days",
            "6, policy.error.leadAboveCap"})
    void theReminderLeadIsAWholeNumberOfDaysUpToTheCap(Integer lead, String key) {
        List<PolicyInput.Problem> problems = new PolicyInput(3, 2, 5, true, "17:00", new BigDecimal("2"),
                new BigDecimal("1"), lead).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("reminderLeadDays", problems.get(0).field());
        assertEquals(key, problems.get(0).key());
        assertEquals(List.of(), new PolicyInput(3, 2, 5, true, "17:00", new BigDecimal("2"), new BigDecimal("1"), 5)
                .problems(), "the cap itself is fine");
    }

    @Test
    void halfHoursAndCalendarDaysAreFine() {
        DeadlineSettings s = new PolicyInput(4, 1, 4, false, "18:30", new BigDecimal("1.5"), new BigDecimal("0.5"), 2)
                .toSettings(SHANGHAI);
        assertEquals(2, s.reminderLeadDays());
        assertEquals(2, PolicyInput.of(s).reminderLeadDays());
        assertEquals(new DeadlinePolicy(4, 1, 4, false, LocalTime.of(18, 30), SHANGHAI), s.policy());
        assertEquals(Optional.of(Duration.ofMinutes(90)), s.firstResponseLimit(Severity.MAJOR));
        assertEquals(Optional.of(Duration.ofMinutes(30)), s.firstResponseLimit(Severity.EXTRAORDINARY));
        assertEquals(Optional.empty(), s.firstResponseLimit(Severity.SIGNIFICANT));
        assertEquals(Optional.empty(), s.firstResponseLimit(Severity.ORDINARY));
        assertEquals(new BigDecimal("1.5"), PolicyInput.of(s).majorFirstResponseHours());
        assertEquals("60", PolicyInput.of(new DeadlineSettings(s.policy(), Duration.ofHours(60), Duration.ofHours(1), 1))
                .majorFirstResponseHours().toPlainString());
    }

    @Test
    void settingsRowsFallBackToTheDefaults() {
        assertEquals(DeadlineSettings.defaults(), DeadlineService.settings(Map.of()));
        DeadlineSettings s = DeadlineService.settings(Map.of(DeadlineService.NORMAL_DAYS, " 4 ",
                DeadlineService.CAP_DAYS, "6", DeadlineService.END_OF_DAY, "17:30",
                DeadlineService.FIRST_RESPONSE_MAJOR, "45"));
        assertEquals(new DeadlinePolicy(4, 2, 6, true, LocalTime.of(17, 30), SHANGHAI), s.policy());
        assertEquals(Duration.ofMinutes(45), s.majorFirstResponse());
        assertEquals(DeadlineSettings.DEFAULT_EXTRAORDINARY, s.extraordinaryFirstResponse());
    }

    @Test
    void aCaseKeepsThePolicyInForceWhenItWasOpened() {
        DeadlinePolicy first = DeadlinePolicy.defaults();
        DeadlinePolicy second = new DeadlinePolicy(4, 2, 6, true, LocalTime.of(17, 0), SHANGHAI);
        DeadlinePolicy third = new DeadlinePolicy(2, 1, 3, false, LocalTime.of(18, 0), SHANGHAI);
        Instant changed = Instant.parse("2026-03-01T02:00:00Z");
        Instant changedAgain = Instant.parse("2026-06-01T02:00:00Z");
        PolicyTimeline timeline = new PolicyTimeline(List.of(
                new PolicyTimeline.Version(changedAgain, third),
                new PolicyTimeline.Version(Instant.EPOCH, first),
                new PolicyTimeline.Version(changed, second)), third);
        assertEquals(first, timeline.policyAt(Instant.parse("2025-12-31T00:00:00Z")));
        assertEquals(first, timeline.policyAt(changed.minusMillis(1)));
        assertEquals(second, timeline.policyAt(changed));
        assertEquals(second, timeline.policyAt(changedAgain.minusSeconds(1)));
        assertEquals(third, timeline.policyAt(changedAgain.plusSeconds(1)));
        assertEquals(third, new PolicyTimeline(List.of(), third).policyAt(Instant.EPOCH));
    }
}
