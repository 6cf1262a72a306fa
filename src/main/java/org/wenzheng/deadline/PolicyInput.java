package org.wenzheng.deadline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy as typed on the page or sent to the API, before it is checked. First-response limits are in hours
 * (0.5 is half an hour); the end of the working day is HH:mm; the reminder lead is in working days (calendar days in
 * calendar-day mode) before the due, at most the cap.
 */
public record PolicyInput(Integer normalDays, Integer urgentDays, Integer capDays, Boolean workingDays,
                          String endOfWorkingDay, BigDecimal majorFirstResponseHours,
                          BigDecimal extraordinaryFirstResponseHours, Integer reminderLeadDays) {

    public static final int MAX_DAYS = 30;
    public static final int MAX_FIRST_RESPONSE_HOURS = 72;
    private static final LocalTime EARLIEST_END = LocalTime.of(12, 0);

    /** One field's problem: the field name as in this record, a bundle key ({@code policy.error.*}) and its arguments. */
    public record Problem(String field, String key, Object... args) {
    }

    /** The input as the page shows it. */
    public static PolicyInput of(DeadlineSettings s) {
        DeadlinePolicy p = s.policy();
        return new PolicyInput(p.normalDays(), p.urgentDays(), p.capDays(), p.workingDays(),
                p.endOfWorkingDay().toString(), hours(s.majorFirstResponse()), hours(s.extraordinaryFirstResponse()),
                s.reminderLeadDays());
    }

    /** Every problem, in field order; empty when {@link #toSettings} will succeed. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        boolean normalOk = days(out, "normalDays", normalDays);
        boolean urgentOk = days(out, "urgentDays", urgentDays);
        boolean capOk = days(out, "capDays", capDays);
        // Compared only when each is valid on its own, so that one typing mistake gives one message.
        if (capOk && normalOk && capDays < normalDays) {
            out.add(new Problem("capDays", "policy.error.capBelowNormal", normalDays));
        } else if (capOk && urgentOk && capDays < urgentDays) {
            out.add(new Problem("capDays", "policy.error.capBelowUrgent", urgentDays));
        }
        if (workingDays == null) {
            out.add(new Problem("workingDays", "policy.error.required"));
        }
        LocalTime end = endTime();
        if (endOfWorkingDay == null || endOfWorkingDay.isBlank()) {
            out.add(new Problem("endOfWorkingDay", "policy.error.required"));
        } else if (end == null) {
            out.add(new Problem("endOfWorkingDay", "policy.error.time"));
        } else if (end.isBefore(EARLIEST_END)) {
            out.add(new Problem("endOfWorkingDay", "policy.error.endTooEarly", EARLIEST_END.toString()));
        }
        Duration major = firstResponse(out, "majorFirstResponseHours", majorFirstResponseHours);
        Duration extraordinary = firstResponse(out, "extraordinaryFirstResponseHours", extraordinaryFirstResponseHours);
        if (major != null && extraordinary != null && extraordinary.compareTo(major) > 0) {
            out.add(new Problem("extraordinaryFirstResponseHours", "policy.error.extraordinarySlower"));
        }
        // A lead beyond the longest a case may take would remind every case the moment it is routed.
        if (days(out, "reminderLeadDays", reminderLeadDays) && capOk && reminderLeadDays > capDays) {
            out.add(new Problem("reminderLeadDays", "policy.error.leadAboveCap", capDays));
        }
        return out;
    }

    /**
     * @throws IllegalArgumentException if there is a problem; check {@link #problems()} first
     */
    public DeadlineSettings toSettings(ZoneId zone) {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid policy: " + problems.get(0).key());
        }
        return new DeadlineSettings(new DeadlinePolicy(normalDays, urgentDays, capDays, workingDays, endTime(), zone),
                duration(majorFirstResponseHours), duration(extraordinaryFirstResponseHours), reminderLeadDays);
    }

    private LocalTime endTime() {
        if (endOfWorkingDay == null) {
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(endOfWorkingDay.strip());
            return t.getSecond() == 0 && t.getNano() == 0 ? t : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean days(List<Problem> out, String field, Integer value) {
        if (value == null) {
            out.add(new Problem(field, "policy.error.required"));
            return false;
        }
        if (value < 1 || value > MAX_DAYS) {
            out.add(new Problem(field, "policy.error.days", 1, MAX_DAYS));
            return false;
        }
        return true;
    }

    private static Duration firstResponse(List<Problem> out, String field, BigDecimal hours) {
        if (hours == null) {
            out.add(new Problem(field, "policy.error.required"));
            return null;
        }
        BigDecimal minutes = hours.multiply(BigDecimal.valueOf(60));
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(MAX_FIRST_RESPONSE_HOURS)) > 0
                || minutes.stripTrailingZeros().scale() > 0) {
            out.add(new Problem(field, "policy.error.hours", MAX_FIRST_RESPONSE_HOURS));
            return null;
        }
        return Duration.ofMinutes(minutes.longValueExact());
    }

    private static Duration duration(BigDecimal hours) {
        return Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValueExact());
    }

    static BigDecimal hours(Duration d) {
        BigDecimal h = BigDecimal.valueOf(d.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return h.scale() < 0 ? h.setScale(0) : h;
    }
}
