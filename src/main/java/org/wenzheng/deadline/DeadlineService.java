package org.wenzheng.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Due dates for the rest of the application: the working-day calendar as kept in the database (calendar_day) and the
 * deadline policy from the settings table (keys deadline.*; the defaults of {@link DeadlinePolicy} where unset).
 * Both are read once and cached; {@link #refresh()} after the administrator changes either.
 */
@ApplicationScoped
public class DeadlineService {

    static final String NORMAL_DAYS = "deadline.normalDays";
    static final String URGENT_DAYS = "deadline.urgentDays";
    static final String CAP_DAYS = "deadline.capDays";
    static final String WORKING_DAYS = "deadline.workingDays";
    static final String END_OF_DAY = "deadline.endOfWorkingDay";

    @PersistenceContext
    EntityManager em;

    private volatile DueDateCalculator calculator;
    private volatile DeadlinePolicy policy;
    private volatile WorkingDayCalendar calendar;

    /** The due date of a new message: normal days from when it was posted. */
    public DueDate forMessage(Instant postedAt) {
        return calculator().forMessage(postedAt);
    }

    /** An urgent case: urgent days from the forwarding slip, never past the cap counted from the message. */
    public DueDate urgent(Instant postedAt, Instant slipAt) {
        return calculator().urgent(postedAt, slipAt);
    }

    public DueDateCalculator calculator() {
        DueDateCalculator c = calculator;
        if (c == null) {
            c = load();
        }
        return c;
    }

    public DeadlinePolicy policy() {
        calculator();
        return policy;
    }

    public WorkingDayCalendar calendar() {
        calculator();
        return calendar;
    }

    /** Reads the calendar and policy again. */
    public synchronized void refresh() {
        calculator = null;
        load();
    }

    private synchronized DueDateCalculator load() {
        if (calculator != null) {
            return calculator;
        }
        List<OfficialDay> days = em.createQuery("select d from CalendarDay d order by d.day", CalendarDay.class)
                .getResultList().stream()
                .map(d -> new OfficialDay(d.getDay(), DayKind.valueOf(d.getKind()), d.getName()))
                .toList();
        @SuppressWarnings("unchecked")
        Map<String, String> settings = ((List<Object[]>) em.createNativeQuery(
                        "select key, value from setting where key like 'deadline.%'").getResultList()).stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        DeadlinePolicy defaults = DeadlinePolicy.defaults();
        policy = new DeadlinePolicy(
                intSetting(settings, NORMAL_DAYS, defaults.normalDays()),
                intSetting(settings, URGENT_DAYS, defaults.urgentDays()),
                intSetting(settings, CAP_DAYS, defaults.capDays()),
                Boolean.parseBoolean(settings.getOrDefault(WORKING_DAYS, String.valueOf(defaults.workingDays()))),
                settings.containsKey(END_OF_DAY) ? LocalTime.parse(settings.get(END_OF_DAY)) : defaults.endOfWorkingDay(),
                ZoneId.of("Asia/Shanghai"));
        calendar = WorkingDayCalendar.of(days);
        calculator = new DueDateCalculator(calendar, policy);
        return calculator;
    }

    private static int intSetting(Map<String, String> settings, String key, int fallback) {
        String v = settings.get(key);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }
}
