package org.wenzheng.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the calendar file format: {@code #} comment lines and blank lines anywhere, then the header
 * {@code date,kind,name}, then one {@code yyyy-MM-dd,holiday|workday,name} row per line.
 */
public final class HolidayCsv {

    /** Shipped inside the application, so that it runs without {@code ../shared}. */
    private static final String BUNDLED = "/calendar/cn-public-holidays.csv";

    private static final String HEADER = "date,kind,name";

    private HolidayCsv() {
    }

    /** The official 2025 and 2026 calendar bundled with the application. */
    public static List<OfficialDay> bundled() {
        InputStream in = HolidayCsv.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("the bundled calendar " + BUNDLED + " is missing from the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the whole reader (it is not closed).
     *
     * @throws CalendarFileException naming the line number of the first malformed line
     */
    public static List<OfficialDay> parse(Reader reader) {
        return entries(reader).stream().map(CalendarEntry::toOfficialDay).toList();
    }

    /** As {@link #parse(Reader)}, keeping each day's line number for checks of the whole file. */
    public static List<CalendarEntry> entries(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<CalendarEntry> days = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                // Spreadsheet programs save UTF-8 with a byte order mark.
                String text = (lineNumber == 1 ? line.replaceFirst("^\uFEFF", "") : line).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (headerSeen) {
                    days.add(row(lineNumber, text));
                } else if (text.equals(HEADER)) {
                    headerSeen = true;
                } else {
                    throw new CalendarFileException(lineNumber, "calendar.file.header",
                            "expected the header \"" + HEADER + "\" but found \"" + text + "\"", HEADER, abbreviate(text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerSeen) {
            throw new CalendarFileException(0, "calendar.file.noHeader",
                    "calendar has no header line \"" + HEADER + "\"", HEADER);
        }
        return List.copyOf(days);
    }

    private static CalendarEntry row(int lineNumber, String text) {
        String[] fields = text.split(",", -1);
        if (fields.length != 3) {
            throw new CalendarFileException(lineNumber, "calendar.file.fields", "expected 3 fields (" + HEADER
                    + ") but found " + fields.length + " in \"" + text + "\"", fields.length, HEADER);
        }
        String date = fields[0].strip();
        String kind = fields[1].strip();
        String name = fields[2].strip();
        if (name.isEmpty()) {
            throw new CalendarFileException(lineNumber, "calendar.file.nameEmpty", "the name is empty");
        }
        if (name.length() > OfficialDay.MAX_NAME) {
            throw new CalendarFileException(lineNumber, "calendar.file.nameTooLong",
                    "the name is longer than " + OfficialDay.MAX_NAME + " characters", OfficialDay.MAX_NAME);
        }
        return new CalendarEntry(date(lineNumber, date), kind(lineNumber, kind), name, lineNumber);
    }

    private static LocalDate date(int lineNumber, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalendarFileException(lineNumber, "calendar.file.date",
                    "\"" + text + "\" is not a date in the form yyyy-MM-dd", abbreviate(text));
        }
    }

    private static DayKind kind(int lineNumber, String text) {
        return switch (text) {
            case "holiday" -> DayKind.HOLIDAY;
            case "workday" -> DayKind.WORKDAY;
            default -> throw new CalendarFileException(lineNumber, "calendar.file.kind",
                    "kind \"" + text + "\" is neither holiday nor workday", abbreviate(text));
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
