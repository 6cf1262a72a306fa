package org.wenzheng.deadline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads official holidays and make-up working days from an iCalendar file (RFC 5545), as published by calendar
 * services: every all-day VEVENT is a run of days from DTSTART up to (not including) DTEND, or for DURATION days, or
 * the one day of DTSTART. An event is a make-up working day (WORKDAY) when its summary contains 班 (调休上班, 补班, 上班),
 * or a category or an {@code X-} property says so (班, WORKDAY, e.g. {@code X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY});
 * any other event is a HOLIDAY named by its summary. Folded lines are unfolded; cancelled events are skipped;
 * components nested in an event (alarms) are ignored.
 *
 * <p>A small parser of our own rather than ical4j: only all-day events are needed, and this keeps every problem tied
 * to a line number for the administrator.
 */
public final class IcsCalendar {

    /** No official holiday lasts longer; a longer event is a mistake (or not a holiday calendar). */
    static final int MAX_EVENT_DAYS = 31;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DURATION = Pattern.compile("\\+?P(?:(\\d+)W|(\\d+)D)(?:T.*)?");

    private IcsCalendar() {
    }

    /** Whether the text looks like iCalendar rather than the CSV format. */
    public static boolean looksLikeIcs(String text) {
        return text.replaceFirst("^\uFEFF", "").stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
    }

    /**
     * @throws CalendarFileException naming the line of the first problem
     */
    public static List<CalendarEntry> parse(String text) {
        if (!looksLikeIcs(text)) {
            throw new CalendarFileException(1, "calendar.file.ics.notIcs", "an iCalendar file starts with BEGIN:VCALENDAR");
        }
        List<ContentLine> lines = unfold(text.replaceFirst("^\uFEFF", ""));
        List<CalendarEntry> days = new ArrayList<>();
        Event event = null;
        int nested = 0;
        for (ContentLine line : lines) {
            if (event == null) {
                if (line.is("BEGIN", "VEVENT")) {
                    event = new Event(line.number);
                }
                continue;
            }
            if (line.name.equals("BEGIN")) {
                nested++;
            } else if (line.name.equals("END") && nested > 0) {
                nested--;
            } else if (line.is("END", "VEVENT")) {
                days.addAll(event.days());
                event = null;
            } else if (nested == 0) {
                event.properties.putIfAbsent(line.name, line);
            }
        }
        if (event != null) {
            throw new CalendarFileException(event.line, "calendar.file.ics.unclosed",
                    "BEGIN:VEVENT without END:VEVENT");
        }
        return List.copyOf(days);
    }

    /** One VEVENT's first value of each property. */
    private static final class Event {
        final int line;
        final Map<String, ContentLine> properties = new HashMap<>();

        Event(int line) {
            this.line = line;
        }

        List<CalendarEntry> days() {
            ContentLine status = properties.get("STATUS");
            if (status != null && status.value.equalsIgnoreCase("CANCELLED")) {
                return List.of();
            }
            ContentLine start = properties.get("DTSTART");
            if (start == null) {
                throw new CalendarFileException(line, "calendar.file.ics.noStart", "the event has no DTSTART");
            }
            ContentLine summary = properties.get("SUMMARY");
            String name = summary == null ? "" : unescape(summary.value).strip();
            if (name.isEmpty()) {
                throw new CalendarFileException(line, "calendar.file.ics.noSummary", "the event has no SUMMARY");
            }
            if (name.length() > OfficialDay.MAX_NAME) {
                throw new CalendarFileException(summary.number, "calendar.file.nameTooLong",
                        "the name is longer than " + OfficialDay.MAX_NAME + " characters", OfficialDay.MAX_NAME);
            }
            LocalDate first = date(start);
            LocalDate end = end(first);
            long count = ChronoUnit.DAYS.between(first, end);
            if (count > MAX_EVENT_DAYS) {
                throw new CalendarFileException(line, "calendar.file.ics.tooLong",
                        "the event lasts " + count + " days, more than " + MAX_EVENT_DAYS, count, MAX_EVENT_DAYS);
            }
            DayKind kind = isWorkday(name) ? DayKind.WORKDAY : DayKind.HOLIDAY;
            List<CalendarEntry> out = new ArrayList<>();
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                out.add(new CalendarEntry(d, kind, name, start.number));
            }
            return out;
        }

        /** The exclusive end: DTEND, or DTSTART plus DURATION, or the day after DTSTART. */
        private LocalDate end(LocalDate first) {
            ContentLine dtEnd = properties.get("DTEND");
            if (dtEnd != null) {
                LocalDate end = date(dtEnd);
                if (!end.isAfter(first)) {
                    throw new CalendarFileException(dtEnd.number, "calendar.file.ics.endBeforeStart",
                            "DTEND is not after DTSTART");
                }
                return end;
            }
            ContentLine duration = properties.get("DURATION");
            if (duration != null) {
                Matcher m = DURATION.matcher(duration.value.toUpperCase(Locale.ROOT));
                long days = !m.matches() ? 0 : m.group(1) != null ? 7L * Long.parseLong(m.group(1))
                        : Long.parseLong(m.group(2));
                if (days <= 0) {
                    throw new CalendarFileException(duration.number, "calendar.file.ics.badDuration",
                            "\"" + duration.value + "\" is not a duration in whole days",
                            HolidayCsv.abbreviate(duration.value));
                }
                return first.plusDays(Math.min(days, MAX_EVENT_DAYS + 1L));
            }
            return first.plusDays(1);
        }

        private boolean isWorkday(String summary) {
            if (summary.contains("班")) {
                return true;
            }
            ContentLine categories = properties.get("CATEGORIES");
            if (categories != null && marksWorkday(unescape(categories.value))) {
                return true;
            }
            return properties.values().stream().anyMatch(p -> p.name.startsWith("X-") && marksWorkday(p.value));
        }

        private static boolean marksWorkday(String value) {
            String v = value.toUpperCase(Locale.ROOT);
            return v.contains("班") || v.contains("WORKDAY") || v.contains("WORKING DAY");
        }
    }

    /** An all-day value: yyyyMMdd (with or without VALUE=DATE); a time of day means it is not an all-day event. */
    private static LocalDate date(ContentLine line) {
        String v = line.value.strip();
        if (v.length() > 8 && v.charAt(8) == 'T') {
            throw new CalendarFileException(line.number, "calendar.file.ics.notAllDay",
                    "\"" + v + "\" has a time of day; only all-day events are read", HolidayCsv.abbreviate(v));
        }
        try {
            return LocalDate.parse(v, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new CalendarFileException(line.number, "calendar.file.ics.badDate",
                    "\"" + v + "\" is not a date in the form yyyyMMdd", HolidayCsv.abbreviate(v));
        }
    }

    /** TEXT values escape backslash, semicolon, comma and new line (RFC 5545 3.3.11). */
    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? ' ' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A logical line: its name (upper case, parameters dropped), its value, and the physical line it began on. */
    private record ContentLine(String name, String value, int number) {
        boolean is(String n, String v) {
            return name.equals(n) && value.strip().equalsIgnoreCase(v);
        }
    }

    /** Joins folded lines (a line starting with a space or tab continues the previous one) and splits name and value. */
    private static List<ContentLine> unfold(String text) {
        String[] physical = text.split("\r\n|\n|\r", -1);
        List<ContentLine> out = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                current.append(line, 1, line.length());
                continue;
            }
            if (current != null) {
                out.add(split(current.toString(), startLine));
            }
            current = line.isBlank() ? null : new StringBuilder(line);
            startLine = i + 1;
        }
        if (current != null) {
            out.add(split(current.toString(), startLine));
        }
        return out;
    }

    private static ContentLine split(String line, int number) {
        // The value starts at the first colon outside a quoted parameter value.
        boolean quoted = false;
        int nameEnd = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ':') && nameEnd < 0) {
                nameEnd = i;
            }
            if (!quoted && c == ':') {
                String name = line.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT);
                return new ContentLine(name, line.substring(i + 1), number);
            }
        }
        throw new CalendarFileException(number, "calendar.file.ics.badLine",
                "\"" + HolidayCsv.abbreviate(line) + "\" is not a NAME:value line", HolidayCsv.abbreviate(line));
    }
}
