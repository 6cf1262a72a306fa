package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcsCalendarTest {

    private static String ics(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static final String HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//CN holidays//ZH\r\n";

    private static List<OfficialDay> days(String text) {
        return IcsCalendar.parse(text).stream().map(CalendarEntry::toOfficialDay).toList();
    }

    @Test
    void expandsAllDayRangesAndRecognisesMakeUpDays() {
        String text = HEAD + ics(
                "BEGIN:VEVENT",
                "UID:1@test",
                "DTSTART;VALUE=DATE:20261001",
                "DTEND;VALUE=DATE:20261008",
                "SUMMARY:国庆节",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20261010",
                "SUMMARY:国庆节调休上班",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20260920",
                "DURATION:P1D",
                "SUMMARY:补班",
                "END:VEVENT",
                "END:VCALENDAR");
        List<OfficialDay> days = days(text);
        assertEquals(9, days.size());
        assertEquals(new OfficialDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"), days.get(0));
        assertEquals(new OfficialDay(LocalDate.of(2026, 10, 7), DayKind.HOLIDAY, "国庆节"), days.get(6));
        assertEquals(new OfficialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节调休上班"), days.get(7));
        assertEquals(new OfficialDay(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "补班"), days.get(8));
    }

    @Test
    void unfoldsFoldedLinesUnescapesTextAndIgnoresAlarmsAndCancelledEvents() {
        String text = "\uFEFF" + HEAD + ics(
                "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:2026",
                " 0101",
                "DTEND;VALUE=DATE:20260104",
                "SUMMARY:元",
                "\t旦\\, 新年",
                "BEGIN:VALARM",
                "TRIGGER:-PT15M",
                "SUMMARY:提醒",
                "END:VALARM",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20260105",
                "SUMMARY:取消的假日",
                "STATUS:CANCELLED",
                "END:VEVENT",
                "END:VCALENDAR");
        List<OfficialDay> days = days(text);
        assertEquals(List.of(
                new OfficialDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "元旦, 新年"),
                new OfficialDay(LocalDate.of(2026, 1, 2), DayKind.HOLIDAY, "元旦, 新年"),
                new OfficialDay(LocalDate.of(2026, 1, 3), DayKind.HOLIDAY, "元旦, 新年")), days);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CATEGORIES:工作日,班                 | WORKDAY
            CATEGORIES:Holiday                  | HOLIDAY
            X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY | WORKDAY
            X-WZ-KIND:WORKDAY                    | WORKDAY
            X-WZ-KIND:HOLIDAY                    | HOLIDAY
            DESCRIPTION:上班                      | HOLIDAY
            """)
    void aCategoryOrAnXPropertyMarksAMakeUpDay(String property, DayKind expected) {
        String text = HEAD + ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260214", "SUMMARY:春节", property,
                "END:VEVENT", "END:VCALENDAR");
        assertEquals(expected, days(text).get(0).kind());
    }

    @Test
    void linesEndingInLfOnlyAndQuotedParametersWithColonsAreRead() {
        String text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;X-LABEL=\"a:b\";VALUE=DATE:20250101\nSUMMARY:元旦\n"
                + "END:VEVENT\nEND:VCALENDAR\n";
        assertEquals(List.of(new OfficialDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦")), days(text));
    }

    @Test
    void recognisesIcsByItsFirstLine() {
        assertTrue(IcsCalendar.looksLikeIcs("\uFEFF  begin:vcalendar\r\n"));
        assertFalse(IcsCalendar.looksLikeIcs("date,kind,name\n"));
    }

    @ParameterizedTest(name = "[{index}] {2} on line {1}")
    @CsvSource(delimiter = '|', textBlock = """
            date,kind,name                                                                                | 1 | calendar.file.ics.notIcs
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260101\\nSUMMARY:元旦\\nEND:VCALENDAR   | 2 | calendar.file.ics.unclosed
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:元旦\\nEND:VEVENT\\nEND:VCALENDAR                   | 2 | calendar.file.ics.noStart
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260101\\nEND:VEVENT\\nEND:VCALENDAR     | 2 | calendar.file.ics.noSummary
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART:20260101T090000Z\\nSUMMARY:会\\nEND:VEVENT          | 3 | calendar.file.ics.notAllDay
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:2026-01-01\\nSUMMARY:元旦\\nEND:VEVENT    | 3 | calendar.file.ics.badDate
            BEGIN:VCALENDAR\\n\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260105\\nDTEND;VALUE=DATE:20260105\\nSUMMARY:X\\nEND:VEVENT | 5 | calendar.file.ics.endBeforeStart
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260101\\nDTEND;VALUE=DATE:20260301\\nSUMMARY:寒假\\nEND:VEVENT | 2 | calendar.file.ics.tooLong
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nDTSTART;VALUE=DATE:20260101\\nDURATION:PT8H\\nSUMMARY:元旦\\nEND:VEVENT | 4 | calendar.file.ics.badDuration
            BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nthis line has no colon\\nEND:VEVENT                            | 3 | calendar.file.ics.badLine
            """)
    void aBadFileNamesTheLine(String text, int line, String key) {
        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> IcsCalendar.parse(text.strip().replace("\\n", "\r\n")));
        assertEquals(key, e.key());
        assertEquals(line, e.line());
        assertEquals(line, e.bundleArgs()[0]);
        assertTrue(e.getMessage().startsWith("calendar line " + line + ": "), e.getMessage());
    }

    @Test
    void aNameLongerThanTheTableHoldsIsRefused() {
        String text = HEAD + ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "SUMMARY:" + "长".repeat(51),
                "END:VEVENT", "END:VCALENDAR");
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> IcsCalendar.parse(text));
        assertEquals("calendar.file.nameTooLong", e.key());
        assertEquals(6, e.line());
    }
}
