package org.wenzheng.deadline.admin;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.deadline.CalendarDay;
import org.wenzheng.deadline.CalendarEntry;
import org.wenzheng.deadline.CalendarFileException;
import org.wenzheng.deadline.CalendarImport;
import org.wenzheng.deadline.CalendarYear;
import org.wenzheng.deadline.DayKind;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineSettings;
import org.wenzheng.deadline.DeadlinesChanged;
import org.wenzheng.deadline.OfficialDay;
import org.wenzheng.deadline.PolicyInput;
import org.wenzheng.deadline.PolicyTimeline;
import org.wenzheng.deadline.WorkingDayCalendar;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The administrator's use cases for deadlines: the working-day calendar (a year's view, one day's exception, a
 * year imported from a CSV or iCalendar file after a preview) and the deadline policy. Every calendar change moves the
 * due dates of the open cases it alters, in the same transaction, and is audited twice: CALENDAR_CHANGED with the
 * days, DUE_DATES_RECOMPUTED with the cases moved. A policy change applies to cases routed after it.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class DeadlineAdminService {

    /** Years the calendar may hold; anything else is a typing mistake. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** A calendar file is a few kilobytes; this is far above any real one. */
    public static final int MAX_FILE_CHARS = 1_000_000;
    /** Serialises calendar and policy changes across instances, so that each recompute sees the one before it. */
    private static final long CHANGE_LOCK = 0x5A_44_45_41_44_4CL;
    private static final OffsetDateTime BEFORE_ANY_CASE = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    DeadlineService deadlines;

    @Inject
    CaseDueDates dueDates;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<DeadlinesChanged> changed;

    @Resource
    SessionContext ctx;

    /** The year as month grids with its holidays and make-up working days. */
    public CalendarYear year(int year) {
        checkYear(year);
        return CalendarYear.of(year, deadlines.readCalendar());
    }

    /** Adds or changes one day's exception. */
    public ChangeResult saveDay(LocalDate day, DayKind kind, String name) {
        if (day == null) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.dateRequired");
        }
        checkYear(day.getYear());
        if (kind == null) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.kindRequired");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > OfficialDay.MAX_NAME) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.name", OfficialDay.MAX_NAME);
        }
        if (kind == DayKind.WORKDAY && !isWeekend(day)) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.workdayNotWeekend", day.toString());
        }
        List<OfficialDay> before = lockAndRead();
        List<OfficialDay> after = new ArrayList<>(before.stream().filter(d -> !d.date().equals(day)).toList());
        after.add(new OfficialDay(day, kind, n));
        return apply(day.getYear(), before, after);
    }

    /** Removes one day's exception: the day follows the Monday–Friday rule again. */
    public ChangeResult removeDay(LocalDate day) {
        if (day == null) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.dateRequired");
        }
        checkYear(day.getYear());
        List<OfficialDay> before = lockAndRead();
        if (before.stream().noneMatch(d -> d.date().equals(day))) {
            throw new ActionRefused(Kind.NOT_FOUND, "calendar.error.noException", day.toString());
        }
        return apply(day.getYear(), before, before.stream().filter(d -> !d.date().equals(day)).toList());
    }

    /** What importing the file for {@code year} would change; nothing is changed. */
    public CalendarImport previewImport(int year, String fileText) {
        checkYear(year);
        return read(year, fileText, deadlines.readCalendar());
    }

    /**
     * Replaces the year's exceptions with the file's days of that year, atomically, and moves the due dates this
     * alters.
     *
     * @param expectedBase the preview's {@link CalendarImport#base()}, or null to import without a preview; if the
     *                     year changed since that preview, the import is refused as a conflict
     */
    public ChangeResult importYear(int year, String fileText, String expectedBase) {
        checkYear(year);
        List<OfficialDay> before = lockAndRead();
        return replace(read(year, fileText, before), before, expectedBase);
    }

    /** Replaces the year's exceptions with {@code days} (the API's PUT); problems name the position in the list. */
    public ChangeResult replaceYear(int year, List<OfficialDay> days, String expectedBase) {
        checkYear(year);
        List<OfficialDay> before = lockAndRead();
        List<CalendarEntry> entries = IntStream.range(0, days.size())
                .mapToObj(i -> new CalendarEntry(days.get(i).date(), days.get(i).kind(), days.get(i).name(), i + 1))
                .toList();
        CalendarImport plan;
        try {
            plan = CalendarImport.compare(year, entries, before);
        } catch (CalendarFileException e) {
            throw new ActionRefused(Kind.INVALID, e.key(), e.bundleArgs());
        }
        if (plan.otherYears() > 0) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.otherYear", String.valueOf(year));
        }
        return replace(plan, before, expectedBase);
    }

    /** The policy new cases get, and the earlier ones. */
    public PolicyView policy() {
        DeadlineSettings settings = deadlines.readSettings();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select effective_from, changed_by, normal_days, urgent_days, cap_days, working_days,
                       to_char(end_of_working_day, 'HH24:MI')
                from deadline_policy_version order by effective_from desc""").setMaxResults(50).getResultList();
        List<PolicyView.HistoryLine> history = rows.stream().map(r -> new PolicyView.HistoryLine(
                SqlTimes.offsetDateTime(r[0]), (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), (Boolean) r[5], (String) r[6])).toList();
        return new PolicyView(PolicyInput.of(settings), history);
    }

    /**
     * Sets the policy for cases routed from now on; cases already open keep theirs.
     *
     * @throws PolicyRefused with every field's problem
     */
    public PolicyView changePolicy(PolicyInput input) {
        if (input == null) {
            throw new ActionRefused(Kind.INVALID, "policy.error.required");
        }
        List<PolicyInput.Problem> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new PolicyRefused(problems);
        }
        lock();
        DeadlineSettings before = deadlines.readSettings();
        DeadlineSettings after = input.toSettings(before.policy().zone());
        if (after.equals(before)) {
            return policy();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PolicyTimeline timeline = deadlines.readTimeline(before.policy());
        if (timeline.versions().isEmpty()) {
            insertVersion(BEFORE_ANY_CASE, before.policy(), null);
        }
        if (!after.policy().equals(before.policy())) {
            insertVersion(now, after.policy(), actor());
        }
        DeadlinePolicy p = after.policy();
        setting(DeadlineService.NORMAL_DAYS, String.valueOf(p.normalDays()), now);
        setting(DeadlineService.URGENT_DAYS, String.valueOf(p.urgentDays()), now);
        setting(DeadlineService.CAP_DAYS, String.valueOf(p.capDays()), now);
        setting(DeadlineService.WORKING_DAYS, String.valueOf(p.workingDays()), now);
        setting(DeadlineService.END_OF_DAY, p.endOfWorkingDay().toString(), now);
        setting(DeadlineService.FIRST_RESPONSE_MAJOR, String.valueOf(after.majorFirstResponse().toMinutes()), now);
        setting(DeadlineService.FIRST_RESPONSE_EXTRAORDINARY,
                String.valueOf(after.extraordinaryFirstResponse().toMinutes()), now);
        setting(DeadlineService.REMINDER_LEAD, String.valueOf(after.reminderLeadDays()), now);
        String version = bumpVersion(now);
        audit.record(actor(), Role.ADMIN, "POLICY_CHANGED", "deadline_policy", null, json(before), json(after));
        changed.fire(new DeadlinesChanged(version));
        return policy();
    }

    // --- calendar changes ---

    private ChangeResult replace(CalendarImport plan, List<OfficialDay> before, String expectedBase) {
        if (expectedBase != null && !expectedBase.isBlank() && !expectedBase.equals(plan.base())) {
            throw new ActionRefused(Kind.CONFLICT, "calendar.error.changedSincePreview");
        }
        List<OfficialDay> after = new ArrayList<>(before.stream().filter(d -> d.date().getYear() != plan.year()).toList());
        after.addAll(plan.days());
        return apply(plan.year(), before, after);
    }

    /** Writes the year's exceptions as {@code after} has them, moves the due dates, audits, and announces it. */
    private ChangeResult apply(int year, List<OfficialDay> before, List<OfficialDay> after) {
        PolicyTimeline timeline = deadlines.readTimeline(deadlines.readSettings().policy());
        CalendarImport diff = CalendarImport.diff(year, after, before);
        WorkingDayCalendar old = WorkingDayCalendar.of(before);
        WorkingDayCalendar now = WorkingDayCalendar.of(after);
        em.createQuery("delete from CalendarDay d where d.day between :from and :to")
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .executeUpdate();
        for (OfficialDay d : diff.days()) {
            em.persist(new CalendarDay(d.date(), d.kind().name(), d.name()));
        }
        List<LocalDate> kindChanged = new ArrayList<>();
        diff.added().forEach(c -> kindChanged.add(c.date()));
        diff.removed().forEach(c -> kindChanged.add(c.date()));
        diff.changed().stream().filter(c -> c.kindBefore() != c.kindAfter()).forEach(c -> kindChanged.add(c.date()));
        // A renamed day moves no due; otherwise only cases counting over the changed days are read.
        Recomputed r = kindChanged.isEmpty() ? new Recomputed(0, List.of(), 0)
                : dueDates.recompute(old, now, timeline, java.util.Collections.min(kindChanged),
                java.util.Collections.max(kindChanged));
        OffsetDateTime at = OffsetDateTime.now(clock);
        String version = bumpVersion(at);
        audit.record(actor(), Role.ADMIN, "CALENDAR_CHANGED", "calendar", (long) year,
                days(diff, true), days(diff, false));
        JsonArrayBuilder ids = Json.createArrayBuilder();
        r.movedCaseIds().forEach(ids::add);
        audit.record(actor(), Role.ADMIN, "DUE_DATES_RECOMPUTED", "calendar", (long) year, null,
                Json.createObjectBuilder().add("openCases", r.openCases()).add("count", r.movedCaseIds().size())
                        .add("messages", r.movedMessages()).add("cases", ids).build().toString());
        changed.fire(new DeadlinesChanged(version));
        return new ChangeResult(year, diff.added().size(), diff.changed().size(), diff.removed().size(),
                r.openCases(), r.movedCaseIds(), r.movedMessages());
    }

    /** The changed days as they were ({@code before}) or became, as JSON for the audit trail. */
    private static String days(CalendarImport diff, boolean before) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        List<CalendarImport.Change> all = new ArrayList<>(diff.added());
        all.addAll(diff.changed());
        all.addAll(diff.removed());
        all.sort(java.util.Comparator.comparing(CalendarImport.Change::date));
        for (CalendarImport.Change c : all) {
            DayKind kind = before ? c.kindBefore() : c.kindAfter();
            String name = before ? c.nameBefore() : c.nameAfter();
            JsonObjectBuilder day = Json.createObjectBuilder().add("date", c.date().toString());
            if (kind == null) {
                day.addNull("kind");
            } else {
                day.add("kind", kind.name()).add("name", name);
            }
            out.add(day);
        }
        return Json.createObjectBuilder().add("days", out).build().toString();
    }

    private CalendarImport read(int year, String fileText, List<OfficialDay> current) {
        if (fileText == null || fileText.isBlank()) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.fileEmpty");
        }
        if (fileText.length() > MAX_FILE_CHARS) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.fileTooLarge");
        }
        try {
            return CalendarImport.of(year, fileText, current);
        } catch (CalendarFileException e) {
            throw new ActionRefused(Kind.INVALID, e.key(), e.bundleArgs());
        }
    }

    private List<OfficialDay> lockAndRead() {
        lock();
        return deadlines.readCalendar();
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHANGE_LOCK).getSingleResult();
    }

    private String bumpVersion(OffsetDateTime at) {
        String version = UUID.randomUUID().toString();
        setting(DeadlineService.VERSION, version, at);
        return version;
    }

    private void setting(String key, String value, OffsetDateTime at) {
        em.createNativeQuery("""
                        insert into setting (key, value, updated_at, updated_by) values (?1, ?2, ?3, ?4)
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .setParameter(1, key).setParameter(2, value).setParameter(3, at).setParameter(4, actor())
                .executeUpdate();
    }

    private void insertVersion(OffsetDateTime from, DeadlinePolicy p, String by) {
        long id = ((Number) em.createNativeQuery("select nextval('deadline_policy_version_seq')").getSingleResult())
                .longValue();
        em.createNativeQuery("""
                        insert into deadline_policy_version (id, effective_from, normal_days, urgent_days, cap_days,
                            working_days, end_of_working_day, changed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as time), ?8)""")
                .setParameter(1, id).setParameter(2, from).setParameter(3, p.normalDays())
                .setParameter(4, p.urgentDays()).setParameter(5, p.capDays()).setParameter(6, p.workingDays())
                .setParameter(7, p.endOfWorkingDay().toString()).setParameter(8, by).executeUpdate();
    }

    private static String json(DeadlineSettings s) {
        DeadlinePolicy p = s.policy();
        return Json.createObjectBuilder().add("normalDays", p.normalDays()).add("urgentDays", p.urgentDays())
                .add("capDays", p.capDays()).add("workingDays", p.workingDays())
                .add("endOfWorkingDay", p.endOfWorkingDay().toString())
                .add("majorFirstResponseMinutes", s.majorFirstResponse().toMinutes())
                .add("extraordinaryFirstResponseMinutes", s.extraordinaryFirstResponse().toMinutes())
                .add("reminderLeadDays", s.reminderLeadDays())
                .build().toString();
    }


    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ActionRefused(Kind.INVALID, "calendar.error.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek().getValue() >= 6;
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }
}
