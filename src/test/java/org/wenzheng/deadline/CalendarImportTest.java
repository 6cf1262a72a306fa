package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarImportTest {

    private static final List<OfficialDay> OFFICIAL = HolidayCsv.bundled();

    private static String bundledText() throws IOException {
        try (var in = HolidayCsv.class.getResourceAsStream("/calendar/cn-public-holidays.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importingTheOfficialFileAgainChangesNothingAndLeavesTheOtherYearAlone() throws IOException {
        CalendarImport plan = CalendarImport.of(2026, bundledText(), OFFICIAL);
        assertTrue(plan.isEmpty());
        assertEquals(39, plan.unchanged());
        assertEquals(33, plan.otherYears(), "the 2025 rows");
        assertEquals(39, plan.days().size());
        assertEquals(CalendarImport.fingerprint(2026, OFFICIAL), plan.base());
    }

    @Test
    void comparesAddedChangedAndRemovedDays() {
        String csv = """
                date,kind,name
                2026-01-01,holiday,元旦
                2026-01-02,holiday,元旦节
                2026-01-04,workday,元旦调休上班
                2026-12-31,holiday,除夕测试
                """;
        CalendarImport plan = CalendarImport.of(2026, csv, OFFICIAL);
        assertEquals(List.of(new CalendarImport.Change(LocalDate.of(2026, 12, 31), null, null, DayKind.HOLIDAY, "除夕测试")),
                plan.added());
        assertEquals(List.of(new CalendarImport.Change(LocalDate.of(2026, 1, 2), DayKind.HOLIDAY, "元旦",
                DayKind.HOLIDAY, "元旦节")), plan.changed());
        assertEquals(39 - 3, plan.removed().size(), "every other 2026 day goes");
        assertEquals(new CalendarImport.Change(LocalDate.of(2026, 1, 3), DayKind.HOLIDAY, "元旦", null, null),
                plan.removed().get(0));
        assertEquals(2, plan.unchanged());
    }

    @Test
    void overlappingHolidaysShareTheDayUnderBothNames() {
        String ics = """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20251001
                DTEND;VALUE=DATE:20251009
                SUMMARY:国庆节
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20251006
                SUMMARY:中秋节
                END:VEVENT
                END:VCALENDAR
                """;
        CalendarImport plan = CalendarImport.of(2025, ics, List.of());
        assertEquals(8, plan.days().size());
        assertEquals("国庆节、中秋节", plan.days().get(5).name());
        assertEquals("国庆节", plan.days().get(4).name());
    }

    @Test
    void aDateGivenAsBothKindsIsRefusedWithBothLines() {
        String csv = "date,kind,name\n2026-10-10,workday,调休\n2026-10-10,holiday,国庆节\n";
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarImport.of(2026, csv, OFFICIAL));
        assertEquals("calendar.import.conflict", e.key());
        assertEquals(3, e.line());
        assertEquals(List.of(3, "2026-10-10", 2), List.of(e.bundleArgs()));
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefused() {
        String csv = "date,kind,name\n2026-10-09,workday,调休\n";
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarImport.of(2026, csv, OFFICIAL));
        assertEquals("calendar.import.workdayNotWeekend", e.key());
        assertEquals(2, e.line());
    }

    @Test
    void aFileWithoutTheYearIsRefusedRatherThanEmptyingIt() {
        String csv = "date,kind,name\n2025-10-01,holiday,国庆节\n";
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarImport.of(2026, csv, OFFICIAL));
        assertEquals("calendar.import.noDays", e.key());
        assertEquals(0, e.line());
    }

    @Test
    void theFingerprintChangesWithTheYearsDaysOnly() {
        String before = CalendarImport.fingerprint(2026, OFFICIAL);
        List<OfficialDay> more = new java.util.ArrayList<>(OFFICIAL);
        more.add(new OfficialDay(LocalDate.of(2025, 12, 30), DayKind.HOLIDAY, "测试"));
        assertEquals(before, CalendarImport.fingerprint(2026, more));
        more.add(new OfficialDay(LocalDate.of(2026, 12, 30), DayKind.HOLIDAY, "测试"));
        assertNotEquals(before, CalendarImport.fingerprint(2026, more));
    }

    @Test
    void aCsvErrorKeepsItsLineAndKey() {
        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> CalendarImport.of(2026, "date,kind,name\n\n2026-02-30,holiday,X\n", OFFICIAL));
        assertEquals("calendar.file.date", e.key());
        assertEquals(3, e.line());
        assertEquals("2026-02-30", e.bundleArgs()[1]);
    }

    @Test
    void theYearGridMarksWeekendsHolidaysAndMakeUpDays() {
        CalendarYear year = CalendarYear.of(2026, OFFICIAL);
        assertEquals(12, year.months().size());
        assertEquals(39, year.exceptions().size());
        assertEquals(33, year.holidayCount());
        assertEquals(6, year.makeUpCount());
        CalendarYear.Month october = year.months().get(9);
        // 2026-10-01 is a Thursday: three blank cells (Mon..Wed) before it.
        List<CalendarYear.Cell> first = october.weeks().get(0);
        assertTrue(first.get(0).isBlank() && first.get(2).isBlank());
        assertEquals(LocalDate.of(2026, 10, 1), first.get(3).date());
        assertTrue(first.get(3).isHoliday());
        CalendarYear.Cell makeUp = october.weeks().get(1).get(5);
        assertEquals(LocalDate.of(2026, 10, 10), makeUp.date());
        assertTrue(makeUp.isMakeUp() && makeUp.working() && makeUp.weekend());
        CalendarYear.Cell sunday = october.weeks().get(1).get(6);
        assertTrue(sunday.weekend() && !sunday.working() && sunday.kind() == null);
        assertTrue(october.weeks().stream().allMatch(w -> w.size() == 7));
        assertEquals(false, CalendarYear.of(2031, OFFICIAL).covered());
    }
}
