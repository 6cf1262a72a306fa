package org.wenzheng.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What importing a year's calendar file would change: the file's days of that year checked as a whole (a date given
 * twice must agree on its kind; a make-up working day must fall on a weekend), compared with the year's current
 * exceptions. Importing replaces the year's exceptions with {@link #days()}.
 *
 * @param year       the year replaced
 * @param days       the year's exceptions after the import, by date
 * @param added      dates that become exceptions
 * @param changed    dates whose kind or name changes
 * @param removed    dates that stop being exceptions
 * @param unchanged  exceptions that stay as they are
 * @param otherYears rows of the file in other years, left alone
 * @param base       fingerprint of the year's exceptions the comparison was made against ({@link #fingerprint})
 */
public record CalendarImport(int year, List<OfficialDay> days, List<Change> added, List<Change> changed,
                             List<Change> removed, int unchanged, int otherYears, String base) {

    /** One date's exception before and after; a side is null where there is none. */
    public record Change(LocalDate date, DayKind kindBefore, String nameBefore, DayKind kindAfter, String nameAfter) {
    }

    public CalendarImport {
        days = List.copyOf(days);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Whether confirming would change nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /**
     * Parses a calendar file (iCalendar when it starts with BEGIN:VCALENDAR, else the CSV format) and compares its
     * days of {@code year} with {@code current} (the year's exceptions now).
     *
     * @throws CalendarFileException for a bad file or a file with no day in that year
     */
    public static CalendarImport of(int year, String fileText, Collection<OfficialDay> current) {
        List<CalendarEntry> entries = IcsCalendar.looksLikeIcs(fileText)
                ? IcsCalendar.parse(fileText) : HolidayCsv.entries(new java.io.StringReader(fileText));
        return compare(year, entries, current);
    }

    /** As {@link #of}, for days already read. */
    public static CalendarImport compare(int year, List<CalendarEntry> entries, Collection<OfficialDay> current) {
        Map<LocalDate, CalendarEntry> merged = new TreeMap<>();
        int otherYears = 0;
        for (CalendarEntry e : entries) {
            if (e.date().getYear() != year) {
                otherYears++;
                continue;
            }
            if (e.kind() == DayKind.WORKDAY && !isWeekend(e.date())) {
                throw new CalendarFileException(e.line(), "calendar.import.workdayNotWeekend",
                        "the make-up working day " + e.date() + " is not on a weekend", e.date().toString());
            }
            CalendarEntry before = merged.get(e.date());
            if (before == null) {
                merged.put(e.date(), e);
            } else if (before.kind() != e.kind()) {
                throw new CalendarFileException(e.line(), "calendar.import.conflict", e.date() + " is given as "
                        + e.kind() + " here and as " + before.kind() + " on line " + before.line(),
                        e.date().toString(), before.line());
            } else if (!before.name().contains(e.name())) {
                // Overlapping holidays (国庆节 and 中秋节) share the day under both names, as the official list writes them.
                String both = before.name() + "、" + e.name();
                if (both.length() > OfficialDay.MAX_NAME) {
                    throw new CalendarFileException(e.line(), "calendar.file.nameTooLong",
                            "the joined name is longer than " + OfficialDay.MAX_NAME, OfficialDay.MAX_NAME);
                }
                merged.put(e.date(), new CalendarEntry(e.date(), e.kind(), both, before.line()));
            }
        }
        if (merged.isEmpty()) {
            throw new CalendarFileException(0, "calendar.import.noDays", "the file has no day in " + year,
                    String.valueOf(year));
        }
        return diff(year, merged.values().stream().map(CalendarEntry::toOfficialDay).toList(), current, otherYears);
    }

    /** The year's exceptions {@code after} compared with {@code before}, unchecked (after may be empty). */
    public static CalendarImport diff(int year, List<OfficialDay> after, Collection<OfficialDay> before) {
        return diff(year, after.stream().filter(d -> d.date().getYear() == year)
                .sorted(Comparator.comparing(OfficialDay::date)).toList(), before, 0);
    }

    private static CalendarImport diff(int year, List<OfficialDay> days, Collection<OfficialDay> current,
                                       int otherYears) {
        Map<LocalDate, OfficialDay> now = new LinkedHashMap<>();
        current.stream().filter(d -> d.date().getYear() == year).sorted(Comparator.comparing(OfficialDay::date))
                .forEach(d -> now.put(d.date(), d));
        java.util.Set<LocalDate> kept = new java.util.HashSet<>();
        List<Change> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        int unchanged = 0;
        for (OfficialDay d : days) {
            kept.add(d.date());
            OfficialDay old = now.get(d.date());
            if (old == null) {
                added.add(new Change(d.date(), null, null, d.kind(), d.name()));
            } else if (old.kind() != d.kind() || !old.name().equals(d.name())) {
                changed.add(new Change(d.date(), old.kind(), old.name(), d.kind(), d.name()));
            } else {
                unchanged++;
            }
        }
        for (OfficialDay old : now.values()) {
            if (!kept.contains(old.date())) {
                removed.add(new Change(old.date(), old.kind(), old.name(), null, null));
            }
        }
        return new CalendarImport(year, days, added, changed, removed, unchanged, otherYears,
                fingerprint(year, now.values()));
    }

    /** A short hash of a year's exceptions, so that a confirmation can tell they changed since the preview. */
    public static String fingerprint(int year, Collection<OfficialDay> days) {
        StringBuilder text = new StringBuilder().append(year).append('\n');
        days.stream().filter(d -> d.date().getYear() == year).sorted(Comparator.comparing(OfficialDay::date))
                .forEach(d -> text.append(d.date()).append('|').append(d.kind()).append('|').append(d.name()).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = Objects.requireNonNull(day).getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
