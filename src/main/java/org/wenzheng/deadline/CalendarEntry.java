package org.wenzheng.deadline;

import java.time.LocalDate;
import java.util.Objects;

/** One day read from a calendar file, with the line it came from so that a later check can name it. */
public record CalendarEntry(LocalDate date, DayKind kind, String name, int line) {

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public OfficialDay toOfficialDay() {
        return new OfficialDay(date, kind, name);
    }
}
