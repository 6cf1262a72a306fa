package org.wenzheng.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.intake.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Due dates for the rest of the application: the working-day calendar as kept in the database (calendar_day), the
 * deadline policy from the settings table (keys deadline.*; the defaults of {@link DeadlineSettings} where unset) and
 * the history of policies (deadline_policy_version), so that a case keeps the policy it was opened under.
 *
 * <p>All of it is read once and cached. This instance drops the cache when its own change commits
 * ({@link DeadlinesChanged}); other instances on the same database notice the setting {@value #VERSION} changed
 * when they next look, at most every {@code wz.deadline.recheckSeconds} (30) seconds.
 */
@ApplicationScoped
public class DeadlineService {

    public static final String NORMAL_DAYS = "deadline.normalDays";
    public static final String URGENT_DAYS = "deadline.urgentDays";
    public static final String CAP_DAYS = "deadline.capDays";
    public static final String WORKING_DAYS = "deadline.workingDays";
    public static final String END_OF_DAY = "deadline.endOfWorkingDay";
    public static final String FIRST_RESPONSE_MAJOR = "deadline.firstResponseMinutes.MAJOR";
    public static final String FIRST_RESPONSE_EXTRAORDINARY = "deadline.firstResponseMinutes.EXTRAORDINARY";
    /** Supervision's reminder lead (催办), set with the policy; the key predates the page and is kept. */
    public static final String REMINDER_LEAD = "supervision.reminder.lead";
    /** Changed with every calendar or policy change; what other instances compare to notice it. */
    public static final String VERSION = "deadline.calendar.version";

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "wz.deadline.recheckSeconds", defaultValue = "30")
    int recheckSeconds;

    private volatile Snapshot snapshot;

    /** What is cached: read together, replaced together. */
    private record Snapshot(WorkingDayCalendar calendar, DeadlineSettings settings, PolicyTimeline timeline,
                            DueDateCalculator calculator, Map<DeadlinePolicy, DueDateCalculator> byPolicy,
                            String version, long checkedAt) {

        Snapshot checked(long now) {
            return new Snapshot(calendar, settings, timeline, calculator, byPolicy, version, now);
        }
    }

    /** The due date of a new message: normal days from when it was posted. */
    public DueDate forMessage(Instant postedAt) {
        return calculator().forMessage(postedAt);
    }

    /** An urgent case: urgent days from the forwarding slip, never past the cap counted from the message. */
    public DueDate urgent(Instant postedAt, Instant slipAt) {
        return calculator().urgent(postedAt, slipAt);
    }

    /** The calendar with the policy in force now: for new cases. */
    public DueDateCalculator calculator() {
        return current().calculator();
    }

    /**
     * The calendar with the policy in force at {@code openedAt}: for recomputing or explaining a case opened then
     * (a case is opened when it is routed), since a policy change applies to new cases only.
     */
    public DueDateCalculator calculatorFor(Instant openedAt) {
        Snapshot s = current();
        DeadlinePolicy p = s.timeline().policyAt(openedAt);
        return p.equals(s.settings().policy()) ? s.calculator()
                : s.byPolicy().computeIfAbsent(p, q -> new DueDateCalculator(s.calendar(), q));
    }

    public DeadlinePolicy policy() {
        return current().settings().policy();
    }

    /** The policy with the first-response limits, as the administrator set them. */
    public DeadlineSettings settings() {
        return current().settings();
    }

    /** Which policy was in force when. */
    public PolicyTimeline timeline() {
        return current().timeline();
    }

    public WorkingDayCalendar calendar() {
        return current().calendar();
    }

    /**
     * How soon a message of this grade must get a first public response: 重大 (MAJOR) and 特别重大 (EXTRAORDINARY) have
     * a limit set on the policy page; 一般 and 较大 have none (empty).
     */
    public Optional<Duration> firstResponseLimit(Severity severity) {
        return current().settings().firstResponseLimit(severity);
    }

    /** Reads the calendar and policy again now. */
    public synchronized void refresh() {
        snapshot = null;
        load();
    }

    /** After a change commits: read again at the next use (not here, where the transaction is already over). */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeadlinesChanged change) {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            return load();
        }
        long now = System.nanoTime();
        if (now - s.checkedAt() < TimeUnit.SECONDS.toNanos(Math.max(0, recheckSeconds))) {
            return s;
        }
        String version = readVersion();
        if (version.equals(s.version())) {
            Snapshot checked = s.checked(now);
            snapshot = checked;
            return checked;
        }
        synchronized (this) {
            if (snapshot == s) {
                snapshot = null;
            }
            return load();
        }
    }

    private synchronized Snapshot load() {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        String version = readVersion();
        List<OfficialDay> days = readCalendar();
        DeadlineSettings current = readSettings();
        PolicyTimeline timeline = readTimeline(current.policy());
        WorkingDayCalendar calendar = WorkingDayCalendar.of(days);
        s = new Snapshot(calendar, current, timeline,
                new DueDateCalculator(calendar, current.policy()), new ConcurrentHashMap<>(), version,
                System.nanoTime());
        snapshot = s;
        return s;
    }

    /** The calendar's exceptions as stored now, bypassing the cache (in the caller's transaction, if any). */
    public List<OfficialDay> readCalendar() {
        return em.createQuery("select d from CalendarDay d order by d.day", CalendarDay.class)
                .getResultList().stream()
                .map(d -> new OfficialDay(d.getDay(), DayKind.valueOf(d.getKind()), d.getName()))
                .toList();
    }

    /** The administrator's settings as stored now, bypassing the cache. */
    public DeadlineSettings readSettings() {
        @SuppressWarnings("unchecked")
        Map<String, String> settings = ((List<Object[]>) em.createNativeQuery(
                        "select key, value from setting where key like 'deadline.%' or key = ?1")
                        .setParameter(1, REMINDER_LEAD).getResultList()).stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        return settings(settings);
    }

    /** The history of policies as stored now, bypassing the cache; {@code current} where none was recorded. */
    public PolicyTimeline readTimeline(DeadlinePolicy current) {
        @SuppressWarnings("unchecked")
        List<PolicyTimeline.Version> versions = ((List<Object[]>) em.createNativeQuery("""
                        select cast(extract(epoch from effective_from) * 1000 as bigint), normal_days, urgent_days,
                               cap_days, working_days, to_char(end_of_working_day, 'HH24:MI')
                        from deadline_policy_version order by effective_from""").getResultList()).stream()
                .map(r -> new PolicyTimeline.Version(Instant.ofEpochMilli(((Number) r[0]).longValue()),
                        new DeadlinePolicy(((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                                ((Number) r[3]).intValue(), (Boolean) r[4], LocalTime.parse((String) r[5]), ZONE)))
                .toList();
        return new PolicyTimeline(versions, current);
    }

    private String readVersion() {
        List<?> v = em.createNativeQuery("select value from setting where key = ?1")
                .setParameter(1, VERSION).getResultList();
        return v.isEmpty() ? "" : (String) v.get(0);
    }

    /** The settings rows read as the administrator's settings; what is unset keeps its default. */
    static DeadlineSettings settings(Map<String, String> settings) {
        DeadlineSettings defaults = DeadlineSettings.defaults();
        DeadlinePolicy d = defaults.policy();
        DeadlinePolicy policy = new DeadlinePolicy(
                intSetting(settings, NORMAL_DAYS, d.normalDays()),
                intSetting(settings, URGENT_DAYS, d.urgentDays()),
                intSetting(settings, CAP_DAYS, d.capDays()),
                Boolean.parseBoolean(settings.getOrDefault(WORKING_DAYS, String.valueOf(d.workingDays())).strip()),
                settings.containsKey(END_OF_DAY) ? LocalTime.parse(settings.get(END_OF_DAY).strip()) : d.endOfWorkingDay(),
                ZONE);
        return new DeadlineSettings(policy,
                Duration.ofMinutes(intSetting(settings, FIRST_RESPONSE_MAJOR,
                        (int) defaults.majorFirstResponse().toMinutes())),
                Duration.ofMinutes(intSetting(settings, FIRST_RESPONSE_EXTRAORDINARY,
                        (int) defaults.extraordinaryFirstResponse().toMinutes())),
                // Set by hand before the page existed, it may be anything: what is not a whole number ≥ 1 is ignored.
                leadSetting(settings.get(REMINDER_LEAD), defaults.reminderLeadDays()));
    }

    private static int leadSetting(String value, int fallback) {
        try {
            int lead = value == null ? fallback : Integer.parseInt(value.strip());
            return lead >= 1 ? lead : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int intSetting(Map<String, String> settings, String key, int fallback) {
        String v = settings.get(key);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }
}
