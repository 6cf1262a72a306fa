package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wenzheng.deadline.DueDateCalculatorTest.at;
import static org.wenzheng.deadline.DueDateCalculatorTest.endOf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The explanation a clerk reads must match what the wall calendar shows; all expected texts written by hand. */
class DueDateExplanationTest {

    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.of(HolidayCsv.bundled());
    private static final DueDateCalculator DEFAULTS = new DueDateCalculator(OFFICIAL, DeadlinePolicy.defaults());

    private static LocalDateTime t(String text) {
        return LocalDateTime.parse(text);
    }

    static Stream<Arguments> explanations() {
        return Stream.of(
                Arguments.of("before National Day 2026",
                        DEFAULTS.forMessage(at(t("2026-09-30T10:00"))),
                        "提交于 2026-09-30 周三 10:00 → 3个工作日 → 10-01至10-07 国庆节休息，10-10 周六调休上班"
                                + " → 截止 2026-10-10 周六 17:00",
                        "posted 2026-09-30 Wed 10:00 → 3 working days → 10-01 to 10-07 National Day holiday,"
                                + " 10-10 Sat make-up working day → due 2026-10-10 Sat 17:00"),
                Arguments.of("after hours before National Day 2026",
                        DEFAULTS.forMessage(at(t("2026-09-30T18:30"))),
                        "提交于 2026-09-30 周三 18:30，非工作时间，自 10-08 起算 → 3个工作日 → 10-01至10-07 国庆节休息，"
                                + "10-10 周六调休上班，10-11 周末休息 → 截止 2026-10-12 周一 17:00",
                        "posted 2026-09-30 Wed 18:30, outside working hours, counted from 10-08 → 3 working days →"
                                + " 10-01 to 10-07 National Day holiday, 10-10 Sat make-up working day, 10-11 weekend"
                                + " → due 2026-10-12 Mon 17:00"),
                Arguments.of("on a National Day holiday",
                        DEFAULTS.forMessage(at(t("2026-10-03T10:00"))),
                        "提交于 2026-10-03 周六 10:00，非工作时间，自 10-08 起算 → 3个工作日 → 10-03至10-07 国庆节休息，"
                                + "10-10 周六调休上班，10-11 周末休息 → 截止 2026-10-12 周一 17:00",
                        "posted 2026-10-03 Sat 10:00, outside working hours, counted from 10-08 → 3 working days →"
                                + " 10-03 to 10-07 National Day holiday, 10-10 Sat make-up working day, 10-11 weekend"
                                + " → due 2026-10-12 Mon 17:00"),
                Arguments.of("National Day and Mid-Autumn 2025 share a name",
                        DEFAULTS.forMessage(at(t("2025-09-30T10:00"))),
                        "提交于 2025-09-30 周二 10:00 → 3个工作日 → 10-01至10-08 国庆节、中秋节休息，10-11 周六调休上班"
                                + " → 截止 2025-10-11 周六 17:00",
                        "posted 2025-09-30 Tue 10:00 → 3 working days → 10-01 to 10-08 National Day, Mid-Autumn"
                                + " Festival holiday, 10-11 Sat make-up working day → due 2025-10-11 Sat 17:00"),
                Arguments.of("make-up Sunday before National Day 2025",
                        DEFAULTS.forMessage(at(t("2025-09-26T10:00"))),
                        "提交于 2025-09-26 周五 10:00 → 3个工作日 → 09-27 周末休息，09-28 周日调休上班"
                                + " → 截止 2025-09-30 周二 17:00",
                        "posted 2025-09-26 Fri 10:00 → 3 working days → 09-27 weekend, 09-28 Sun make-up working day"
                                + " → due 2025-09-30 Tue 17:00"),
                Arguments.of("plain week",
                        DEFAULTS.forMessage(at(t("2026-03-11T10:00"))),
                        "提交于 2026-03-11 周三 10:00 → 3个工作日 → 03-14至03-15 周末休息 → 截止 2026-03-16 周一 17:00",
                        "posted 2026-03-11 Wed 10:00 → 3 working days → 03-14 to 03-15 weekend → due 2026-03-16 Mon 17:00"),
                Arguments.of("from an uncovered year into 2025",
                        DEFAULTS.forMessage(at(t("2024-12-31T10:00"))),
                        "提交于 2024-12-31 周二 10:00 → 3个工作日 → 2025-01-01 元旦休息，2025-01-04至2025-01-05 周末休息"
                                + " → 截止 2025-01-06 周一 17:00（2024年节假日安排未载入，仅按周末计算）",
                        "posted 2024-12-31 Tue 10:00 → 3 working days → 2025-01-01 New Year's Day holiday,"
                                + " 2025-01-04 to 2025-01-05 weekend → due 2025-01-06 Mon 17:00"
                                + " (no official calendar for 2024; weekends only)"),
                Arguments.of("urgent from the slip",
                        DEFAULTS.urgent(at(t("2026-09-29T10:00")), at(t("2026-09-29T15:00"))),
                        "抄告于 2026-09-29 周二 15:00 → 2个工作日 → 10-01至10-07 国庆节休息 → 截止 2026-10-08 周四 17:00",
                        "slip issued 2026-09-29 Tue 15:00 → 2 working days → 10-01 to 10-07 National Day holiday"
                                + " → due 2026-10-08 Thu 17:00"),
                Arguments.of("extension by one day",
                        DEFAULTS.extendBy(at(t("2026-09-24T10:00")), endOf(LocalDate.parse("2026-09-30")), 1),
                        "原截止 2026-09-30 周三 17:00 → 延长1个工作日 → 10-01至10-07 国庆节休息 → 截止 2026-10-08 周四 17:00",
                        "previous due 2026-09-30 Wed 17:00 → 1 more working day → 10-01 to 10-07 National Day holiday"
                                + " → due 2026-10-08 Thu 17:00"),
                Arguments.of("extension clamped to the cap",
                        DEFAULTS.extendTo(at(t("2026-09-24T10:00")), endOf(LocalDate.parse("2026-09-30")),
                                LocalDate.parse("2026-10-20")),
                        "提交于 2026-09-24 周四 10:00 → 5个工作日（上限） → 09-25至09-27 中秋节休息，10-01至10-07 国庆节休息"
                                + " → 截止 2026-10-09 周五 17:00（2026-10-20 周二 17:00 超过上限）",
                        "posted 2026-09-24 Thu 10:00 → 5 working days (cap) → 09-25 to 09-27 Mid-Autumn Festival"
                                + " holiday, 10-01 to 10-07 National Day holiday → due 2026-10-09 Fri 17:00"
                                + " (2026-10-20 Tue 17:00 would exceed the cap)"),
                Arguments.of("reopened on New Year's Eve after hours",
                        DEFAULTS.reopened(at(t("2025-12-31T22:00"))),
                        "重办于 2025-12-31 周三 22:00，非工作时间，自 2026-01-04 起算 → 3个工作日 → 2026-01-01至2026-01-03 元旦休息，"
                                + "2026-01-04 周日调休上班 → 截止 2026-01-07 周三 17:00",
                        "reopened 2025-12-31 Wed 22:00, outside working hours, counted from 2026-01-04 → 3 working days"
                                + " → 2026-01-01 to 2026-01-03 New Year's Day holiday, 2026-01-04 Sun make-up working day"
                                + " → due 2026-01-07 Wed 17:00"),
                Arguments.of("calendar days",
                        new DueDateCalculator(OFFICIAL, new DeadlinePolicy(3, 2, 5, false, LocalTime.of(17, 0),
                                ZoneId.of("Asia/Shanghai"))).forMessage(at(t("2025-09-30T10:00"))),
                        "提交于 2025-09-30 周二 10:00 → 3个自然日 → 截止 2025-10-03 周五 17:00",
                        "posted 2025-09-30 Tue 10:00 → 3 calendar days → due 2025-10-03 Fri 17:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("explanations")
    void explainsInChineseAndEnglish(String situation, DueDate due, String zh, String en) {
        assertEquals(zh, due.explainZh());
        assertEquals(en, due.explainEn());
    }

    @Test
    void carriesTheStructureBehindTheText() {
        DueDate due = DEFAULTS.forMessage(at(t("2026-02-13T10:00")));
        assertEquals(at(t("2026-02-13T10:00")), due.start());
        assertEquals(LocalDate.parse("2026-02-13"), due.countFrom());
        assertEquals(3, due.days());
        assertEquals(List.of(
                        new DueDate.RestRun(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-23"), List.of("春节"))),
                due.restRuns());
        assertEquals(List.of(new OfficialDay(LocalDate.parse("2026-02-14"), DayKind.WORKDAY, "春节调休上班")),
                due.makeUpDays());
        assertEquals(endOf(LocalDate.parse("2026-02-25")), due.due());
        assertEquals(due.due(), due.uncapped());
        assertEquals(List.of(), due.uncoveredYears());
        assertEquals("提交于 2026-02-13 周五 10:00 → 3个工作日 → 02-14 周六调休上班，02-15至02-23 春节休息"
                + " → 截止 2026-02-25 周三 17:00", due.explainZh());
    }

    @Test
    void aMakeUpDayOfReceiptIsShownButAnAfterHoursOneIsNot() {
        // Posted on the make-up Saturday in hours: day 0 is that Saturday, which explains the count.
        assertEquals(List.of(new OfficialDay(LocalDate.parse("2026-02-28"), DayKind.WORKDAY, "春节调休上班")),
                DEFAULTS.forMessage(at(t("2026-02-28T10:00"))).makeUpDays());
        // After hours on it: counting starts on 03-02, so that Saturday did not count.
        DueDate late = DEFAULTS.forMessage(at(t("2026-02-28T17:30")));
        assertEquals(List.of(), late.makeUpDays());
        assertEquals(List.of(new DueDate.RestRun(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), List.of())),
                late.restRuns());
        assertEquals(endOf(LocalDate.parse("2026-03-05")), late.due()); // 03-03, 03-04, 03-05
    }
}
