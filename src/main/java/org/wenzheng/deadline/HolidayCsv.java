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
     * @throws IllegalArgumentException naming the line number of the first malformed line
     */
    public static List<OfficialDay> parse(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<OfficialDay> days = new ArrayList<>();
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
                    throw bad(lineNumber, "expected the header \"" + HEADER + "\" but found \"" + text + "\"");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("calendar has no header line \"" + HEADER + "\"");
        }
        return List.copyOf(days);
    }

    private static OfficialDay row(int lineNumber, String text) {
        String[] fields = text.split(",", -1);
        if (fields.length != 3) {
            throw bad(lineNumber, "expected 3 fields (" + HEADER + ") but found " + fields.length + " in \"" + text + "\"");
        }
        String date = fields[0].strip();
        String kind = fields[1].strip();
        String name = fields[2].strip();
        if (name.isEmpty()) {
            throw bad(lineNumber, "the name is empty");
        }
        return new OfficialDay(date(lineNumber, date), kind(lineNumber, kind), name);
    }

    private static LocalDate date(int lineNumber, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(lineNumber, "\"" + text + "\" is not a date in the form yyyy-MM-dd");
        }
    }

    private static DayKind kind(int lineNumber, String text) {
        return switch (text) {
            case "holiday" -> DayKind.HOLIDAY;
            case "workday" -> DayKind.WORKDAY;
            default -> throw bad(lineNumber, "kind \"" + text + "\" is neither holiday nor workday");
        };
    }

    private static IllegalArgumentException bad(int lineNumber, String problem) {
        return new IllegalArgumentException("calendar line " + lineNumber + ": " + problem);
    }
}
