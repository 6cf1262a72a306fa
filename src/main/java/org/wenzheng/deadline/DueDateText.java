package org.wenzheng.deadline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes a {@link DueDate} as one line a clerk can check against a wall calendar, in Chinese or English. */
enum DueDateText {

    ZH {
        @Override
        String basis(DueDate.Basis basis) {
            return switch (basis) {
                case MESSAGE -> "提交于";
                case SLIP -> "抄告于";
                case REOPENING -> "重办于";
                case EXTENSION -> "原截止";
            };
        }

        @Override
        String weekday(DayOfWeek day) {
            return "周" + "一二三四五六日".charAt(day.getValue() - 1);
        }

        @Override
        String shifted(String day) {
            return "，非工作时间，自 " + day + " 起算";
        }

        @Override
        String days(DueDate d) {
            return (d.basis() == DueDate.Basis.EXTENSION ? "延长" : "") + d.days()
                    + (d.workingDays() ? "个工作日" : "个自然日") + (d.clamped() ? "（上限）" : "");
        }

        @Override
        String rest(String first, String last, List<String> names) {
            String when = first.equals(last) ? first : first + "至" + last;
            return when + " " + (names.isEmpty() ? "周末" : String.join("、", names)) + "休息";
        }

        @Override
        String makeUp(String day, String weekday) {
            return day + " " + weekday + "调休上班";
        }

        @Override
        String itemSeparator() {
            return "，";
        }

        @Override
        String due(String when) {
            return "截止 " + when;
        }

        @Override
        String capped(String when) {
            return "（" + when + " 超过上限）";
        }

        @Override
        String uncovered(List<Integer> years) {
            return "（" + years.stream().map(y -> y + "年").collect(Collectors.joining("、"))
                    + "节假日安排未载入，仅按周末计算）";
        }
    },

    EN {
        @Override
        String basis(DueDate.Basis basis) {
            return switch (basis) {
                case MESSAGE -> "posted";
                case SLIP -> "slip issued";
                case REOPENING -> "reopened";
                case EXTENSION -> "previous due";
            };
        }

        @Override
        String weekday(DayOfWeek day) {
            return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }

        @Override
        String shifted(String day) {
            return ", outside working hours, counted from " + day;
        }

        @Override
        String days(DueDate d) {
            return d.days() + (d.basis() == DueDate.Basis.EXTENSION ? " more " : " ")
                    + (d.workingDays() ? "working day" : "calendar day") + (d.days() == 1 ? "" : "s")
                    + (d.clamped() ? " (cap)" : "");
        }

        @Override
        String rest(String first, String last, List<String> names) {
            String when = first.equals(last) ? first : first + " to " + last;
            if (names.isEmpty()) {
                return when + " weekend";
            }
            return when + " " + names.stream().flatMap(n -> Arrays.stream(n.split("、")))
                    .map(n -> ENGLISH_NAMES.getOrDefault(n, n)).collect(Collectors.joining(", ")) + " holiday";
        }

        @Override
        String makeUp(String day, String weekday) {
            return day + " " + weekday + " make-up working day";
        }

        @Override
        String itemSeparator() {
            return ", ";
        }

        @Override
        String due(String when) {
            return "due " + when;
        }

        @Override
        String capped(String when) {
            return " (" + when + " would exceed the cap)";
        }

        @Override
        String uncovered(List<Integer> years) {
            return " (no official calendar for " + years.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; weekends only)";
        }
    };

    /** The official names in the calendar file are Chinese; others are shown as they are. */
    private static final Map<String, String> ENGLISH_NAMES = Map.of(
            "元旦", "New Year's Day",
            "春节", "Spring Festival",
            "清明节", "Qingming Festival",
            "劳动节", "Labour Day",
            "端午节", "Dragon Boat Festival",
            "中秋节", "Mid-Autumn Festival",
            "国庆节", "National Day");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    abstract String basis(DueDate.Basis basis);

    abstract String weekday(DayOfWeek day);

    abstract String shifted(String day);

    abstract String days(DueDate d);

    abstract String rest(String first, String last, List<String> names);

    abstract String makeUp(String day, String weekday);

    abstract String itemSeparator();

    abstract String due(String when);

    abstract String capped(String when);

    abstract String uncovered(List<Integer> years);

    String explain(DueDate d) {
        LocalDate startDay = d.start().atZone(d.zone()).toLocalDate();
        List<String> parts = new ArrayList<>();
        String head = basis(d.basis()) + " " + dateTime(d.start(), d.zone());
        if (!d.countFrom().equals(startDay)) {
            head += shifted(day(d.countFrom(), startDay));
        }
        parts.add(head);
        parts.add(days(d));
        // Rest runs and make-up days in date order, as on a wall calendar.
        SortedMap<LocalDate, String> items = new TreeMap<>();
        for (DueDate.RestRun run : d.restRuns()) {
            items.put(run.first(), rest(day(run.first(), startDay), day(run.last(), startDay), run.names()));
        }
        for (OfficialDay makeUp : d.makeUpDays()) {
            items.put(makeUp.date(), makeUp(day(makeUp.date(), startDay), weekday(makeUp.date().getDayOfWeek())));
        }
        if (!items.isEmpty()) {
            parts.add(String.join(itemSeparator(), items.values()));
        }
        String tail = due(dateTime(d.due(), d.zone()));
        if (d.clamped()) {
            tail += capped(dateTime(d.uncapped(), d.zone()));
        }
        if (!d.uncoveredYears().isEmpty()) {
            tail += uncovered(d.uncoveredYears());
        }
        parts.add(tail);
        return String.join(" → ", parts);
    }

    private String dateTime(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return DATE.format(local) + " " + weekday(local.getDayOfWeek()) + " " + TIME.format(local);
    }

    /** Month and day; the year too when it differs from the start's, so a count over New Year stays unambiguous. */
    private static String day(LocalDate day, LocalDate startDay) {
        return (day.getYear() == startDay.getYear() ? MONTH_DAY : DATE).format(day);
    }
}
