package org.wenzheng.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * An exception to the Monday-Friday rule in the working-day calendar: an official holiday, or a make-up working day
 * (调休上班) on a weekend. Kind is HOLIDAY or WORKDAY.
 */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    @Column(name = "day")
    private LocalDate day;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(nullable = false, length = 50)
    private String name;

    protected CalendarDay() {
    }

    public CalendarDay(LocalDate day, String kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    public LocalDate getDay() { return day; }
    public String getKind() { return kind; }
    public String getName() { return name; }
}
