package org.wenzheng.deadline;

import java.time.LocalDate;
import java.util.Objects;

/** One dated exception to the Monday–Friday rule, as published by the State Council. */
public record OfficialDay(LocalDate date, DayKind kind, String name) {

    /** The longest name the calendar_day table holds. */
    public static final int MAX_NAME = 50;

    public OfficialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the official day " + date + " needs a name");
        }
        name = name.strip();
    }
}
