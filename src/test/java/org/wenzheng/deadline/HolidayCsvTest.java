package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayCsvTest {

    @Test
    void readsCommentsBlankLinesAndRows() {
        String text = """
                \uFEFF# a comment before the header

                date,kind,name
                2026-10-01,holiday,国庆节
                # a comment between rows
                  2026-10-10 , workday , 国庆节调休上班\s
                """;
        assertEquals(List.of(
                        new OfficialDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"),
                        new OfficialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节调休上班")),
                HolidayCsv.parse(new StringReader(text)));
    }

    @Test
    void aHeaderAloneIsAnEmptyCalendar() {
        assertEquals(List.of(), HolidayCsv.parse(new StringReader("date,kind,name\n")));
    }

    @Test
    void bundlesTheOfficial2025And2026Calendar() {
        List<OfficialDay> days = HolidayCsv.bundled();
        // 33 rows for 2025 and 39 for 2026 in the State Council notices.
        assertEquals(72, days.size());
        assertEquals(new OfficialDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦"), days.get(0));
        assertEquals(new OfficialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节调休上班"), days.get(71));
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            date,kind,name\\n2026-13-01,holiday,X                 | 2 | is not a date
            date,kind,name\\n2026-10-01,holiday,国庆节\\n10/02/2026,holiday,国庆节 | 3 | is not a date
            # c\\ndate,kind,name\\n\\n2026-10-01,rest,国庆节       | 4 | neither holiday nor workday
            date,kind,name\\n2026-10-01,Holiday,国庆节            | 2 | neither holiday nor workday
            date,kind,name\\n2026-10-01,holiday,                  | 2 | name is empty
            date,kind,name\\n2026-10-01,holiday                   | 2 | expected 3 fields
            date,kind,name\\n2026-10-01,holiday,国庆节,extra      | 2 | expected 3 fields
            2026-10-01,holiday,国庆节                             | 1 | expected the header
            # c\\nDate;Kind;Name                                  | 2 | expected the header
            """)
    void namesTheLineOfABadRow(String text, int line, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayCsv.parse(new StringReader(text.replace("\\n", "\n"))));
        assertTrue(e.getMessage().startsWith("calendar line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void rejectsAFileWithoutHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayCsv.parse(new StringReader("# only a comment\n\n")));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }
}
