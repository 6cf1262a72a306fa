package org.wenzheng.intake;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Attachment;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.privacy.ContactMask;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake officer's work (受理登记): the queue of new messages, one message with its possible duplicates, and
 * the actions register, reject and merge, alone or in bulk. Every action checks the version the officer saw, is
 * audited in the same transaction, and is all-or-nothing.
 * <p>
 * The queue's SQL names the statuses as literals so that PostgreSQL can use the partial index
 * {@code message_intake_idx (posted_at, id) where status in ('SUBMITTED','HELD')} (a bound parameter would not
 * prove the index predicate): a page is an ordered index scan that stops after the page, and the counts scan only
 * the waiting messages, once per queue view rather than on every page.
 */
@Stateless
public class IntakeService {

    public static final int MAX_PAGE = 100;
    public static final int MAX_BULK = 200;
    static final int DUPLICATES = 10;
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(90);
    /** Ranking reads at most this many of the newest matches, so common words cannot make it scan 90 days. */
    static final int DUPLICATE_CANDIDATES = 2000;
    static final Duration ALERT_WINDOW = Duration.ofDays(30);
    static final int MAX_ALERTS = 50;

    private static final String WAITING = "m.status in ('SUBMITTED', 'HELD')";
    private static final String QUEUE_COLUMNS = """
            select m.id, m.tracking_code, m.title, m.kind, m.status, m.posted_at, m.version,
                   (select count(*) from attachment a where a.message_id = m.id) as attachments
            from message m
            """;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    PeopleService people;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    Clock clock;

    @Inject
    Event<MajorMessageRegistered> majorRegistered;

    @Resource
    SessionContext session;

    /** How many messages wait for the intake officer (new and held for review). */
    @RolesAllowed({Role.INTAKE, Role.LEAD, Role.SUPERVISE})
    public long waitingCount() {
        return ((Number) em.createNativeQuery("select count(*) from message m where " + WAITING)
                .getSingleResult()).longValue();
    }

    /** The waiting messages by kind and by age; one scan of the waiting messages only. */
    @RolesAllowed(Role.INTAKE)
    public QueueCounts counts() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.kind, count(*),
                               count(*) filter (where m.status = 'HELD'),
                               count(*) filter (where m.posted_at > ?1),
                               count(*) filter (where m.posted_at <= ?1 and m.posted_at > ?2),
                               count(*) filter (where m.posted_at <= ?2)
                        from message m where\s""" + WAITING + " group by m.kind")
                .setParameter(1, Timestamp.from(now.minusDays(1).toInstant()))
                .setParameter(2, Timestamp.from(now.minusDays(3).toInstant()))
                .getResultList();
        Map<MessageKind, Long> byKind = new EnumMap<>(MessageKind.class);
        long total = 0, held = 0, fresh = 0, middle = 0, old = 0;
        for (Object[] r : rows) {
            long n = num(r[1]);
            byKind.put(MessageKind.valueOf((String) r[0]), n);
            total += n;
            held += num(r[2]);
            fresh += num(r[3]);
            middle += num(r[4]);
            old += num(r[5]);
        }
        List<QueueCounts.KindCount> kinds = new ArrayList<>();
        for (MessageKind k : MessageKind.values()) {
            kinds.add(new QueueCounts.KindCount(k, byKind.getOrDefault(k, 0L)));
        }
        return new QueueCounts(total, held, fresh, middle, old, kinds);
    }

    /** A page of the queue, oldest first, by offset (for the paged table). */
    @RolesAllowed(Role.INTAKE)
    public List<QueueItem> queue(int offset, int size) {
        return queueItems(em.createNativeQuery(QUEUE_COLUMNS + " where " + WAITING
                        + " order by m.posted_at, m.id offset ?1 limit ?2")
                .setParameter(1, Math.max(0, offset))
                .setParameter(2, pageSize(size)));
    }

    /**
     * A page of the queue after the message {@code afterId} in queue order (keyset paging: the cost does not grow
     * with the page number); from the start when afterId is null.
     */
    @RolesAllowed(Role.INTAKE)
    public List<QueueItem> queueAfter(Long afterId, int size) {
        if (afterId == null) {
            return queue(0, size);
        }
        return queueItems(em.createNativeQuery(QUEUE_COLUMNS + " where " + WAITING
                        + " and (m.posted_at, m.id) > (select c.posted_at, c.id from message c where c.id = ?1)"
                        + " order by m.posted_at, m.id limit ?2")
                .setParameter(1, afterId)
                .setParameter(2, pageSize(size)));
    }

    /** The message to open after acting on {@code id}: the next waiting one in queue order, else the oldest. */
    @RolesAllowed(Role.INTAKE)
    public Optional<Long> nextWaitingAfter(long id) {
        List<QueueItem> next = queueAfter(id, 1);
        if (next.isEmpty()) {
            next = queueItems(em.createNativeQuery(QUEUE_COLUMNS + " where " + WAITING
                    + " and m.id <> ?1 order by m.posted_at, m.id limit 1").setParameter(1, id));
        }
        return next.stream().map(QueueItem::id).findFirst();
    }

    /**
     * One message in full, its contact data masked (138****1234, z***@example.com): the officer asks for it in full
     * through {@link org.wenzheng.privacy.ContactService#reveal}, which is audited.
     */
    @RolesAllowed(Role.INTAKE)
    public MessageDetail message(long id) {
        Message m = find(id);
        List<AttachmentInfo> files = em.createQuery("""
                        select a from Attachment a where a.message.id = :id and a.replyId is null order by a.id""",
                        Attachment.class)
                .setParameter("id", id).setMaxResults(100).getResultList().stream()
                .map(a -> new AttachmentInfo(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes()))
                .toList();
        Category c = m.getCategory();
        Person by = m.getRegisteredBy();
        return new MessageDetail(m.getId(), m.getTrackingCode(), m.getKind(), c == null ? null : c.getId(),
                c == null ? null : c.getName(), m.getTitle(), m.getBody(), m.getDisplayName(),
                ContactMask.phone(m.getContactPhone()), ContactMask.email(m.getContactEmail()), m.isPrivateMessage(), m.getChannel(), m.getStatus(),
                m.getStatus() == MessageStatus.HELD, m.getPostedAt(), m.getVersion(), files, m.getSeverity(),
                m.getWarningColour(), m.isUrgent(), m.isPublicVisible(), m.getRejectedReason(),
                m.getMergedInto() == null ? null : m.getMergedInto().getId(), m.getRegisteredAt(),
                by == null ? null : by.getDisplayName());
    }

    /**
     * Messages of the last 90 days that share the most search tokens with this one (see {@link DuplicateQuery}),
     * best first, at most 10, never the message itself. Only the newest {@value #DUPLICATE_CANDIDATES} matches are
     * ranked (index message_posted_idx, V10), which bounds the work when the message's words are common.
     */
    @RolesAllowed(Role.INTAKE)
    public List<DuplicateCandidate> duplicates(long id) {
        Message m = find(id);
        Optional<String> query = DuplicateQuery.of(tokenizer, m.getTitle(), m.getBody());
        if (query.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.title, c.status, c.posted_at, ts_rank(c.search_vector, q, 1 | 32) as rank
                        from (select m.id, m.title, m.status, m.posted_at, m.search_vector
                              from message m
                              where m.search_vector @@ to_tsquery('simple', ?1) and m.posted_at >= ?2 and m.id <> ?3
                              order by m.posted_at desc
                              limit ?4) c,
                             to_tsquery('simple', ?1) q
                        order by rank desc, c.id desc
                        limit ?5""")
                .setParameter(1, query.get())
                .setParameter(2, Timestamp.from(OffsetDateTime.now(clock).minus(DUPLICATE_WINDOW).toInstant()))
                .setParameter(3, id)
                .setParameter(4, DUPLICATE_CANDIDATES)
                .setParameter(5, DUPLICATES)
                .getResultList();
        return rows.stream().map(r -> {
            MessageStatus status = MessageStatus.valueOf((String) r[2]);
            return new DuplicateCandidate(num(r[0]), (String) r[1], status, SqlTimes.offsetDateTime(r[3]),
                    ((Number) r[4]).doubleValue(), status.isAccepted());
        }).toList();
    }

    /** Topics to choose from when registering. */
    @RolesAllowed(Role.INTAKE)
    public List<CategoryOption> categories() {
        return em.createQuery("select c from Category c where c.active = true order by c.sortOrder, c.code",
                        Category.class).setMaxResults(500).getResultList().stream()
                .map(c -> new CategoryOption(c.getId(), c.getCode(), c.getName(), c.getNameEn())).toList();
    }

    /** 受理: registers the message with the officer's classification; 重大/特别重大 alert the leaders. */
    @RolesAllowed(Role.INTAKE)
    public ActionResult register(long id, long seenVersion, Classification c) {
        IntakeRules.requireClassification(c);
        Category topic = category(c.categoryId());
        return register(find(id), seenVersion, c, topic, officer(), OffsetDateTime.now(clock));
    }

    /** 不予受理: the reason (required, at most 500 characters) is shown to the citizen on the tracking page. */
    @RolesAllowed(Role.INTAKE)
    public ActionResult reject(long id, long seenVersion, String reason) {
        String r = IntakeRules.requireReason(reason);
        return reject(find(id), seenVersion, r, officer(), OffsetDateTime.now(clock));
    }

    /** Merges a waiting message into another, accepted one about the same matter. */
    @RolesAllowed(Role.INTAKE)
    public ActionResult merge(long id, long seenVersion, long targetId) {
        Message m = find(id);
        IntakeRules.requireVersion(m, seenVersion);
        IntakeRules.requireWaiting(m);
        Message target = em.find(Message.class, targetId);
        if (target == null) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.mergeTargetMissing",
                    String.valueOf(targetId));
        }
        IntakeRules.requireMergeTarget(m, target);
        String before = state(m).build().toString();
        m.mergeInto(officer(), OffsetDateTime.now(clock), target);
        flush();
        String after = Json.createObjectBuilder().add("status", m.getStatus().name())
                .add("mergedInto", target.getId()).add("publicVisible", m.isPublicVisible()).build().toString();
        audit.record(actorName(), Role.INTAKE, "MESSAGE_MERGE", "message", m.getId(), before, after);
        return result(m);
    }

    /** Registers every selected message with the same classification: all or none. */
    @RolesAllowed(Role.INTAKE)
    public int registerMany(List<VersionedId> selected, Classification c) {
        IntakeRules.requireClassification(c);
        requireSelection(selected);
        Category topic = category(c.categoryId());
        Person officer = officer();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (VersionedId v : sorted(selected)) {
            register(find(v.id()), v.version(), c, topic, officer, now);
        }
        return selected.size();
    }

    /** Rejects every selected message with the same reason: all or none. */
    @RolesAllowed(Role.INTAKE)
    public int rejectMany(List<VersionedId> selected, String reason) {
        String r = IntakeRules.requireReason(reason);
        requireSelection(selected);
        Person officer = officer();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (VersionedId v : sorted(selected)) {
            reject(find(v.id()), v.version(), r, officer, now);
        }
        return selected.size();
    }

    /**
     * Messages registered as 重大 or 特别重大 in the last 30 days that no leader has routed yet (still REGISTERED or
     * BATCHED), most severe and newest first. Served by the partial index message_major_open_idx (V10).
     */
    @RolesAllowed({Role.INTAKE, Role.LEAD})
    public List<MajorAlert> openMajorAlerts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.title, m.severity, m.warning_colour, m.urgent, m.registered_at, p.display_name
                        from message m left join person p on p.id = m.registered_by
                        where m.severity in ('MAJOR', 'EXTRAORDINARY') and m.status in ('REGISTERED', 'BATCHED')
                          and m.registered_at >= ?1
                        order by m.registered_at desc, m.id desc
                        limit ?2""")
                .setParameter(1, Timestamp.from(OffsetDateTime.now(clock).minus(ALERT_WINDOW).toInstant()))
                .setParameter(2, MAX_ALERTS)
                .getResultList();
        return rows.stream()
                .map(r -> new MajorAlert(num(r[0]), (String) r[1], Severity.valueOf((String) r[2]),
                        r[3] == null ? null : WarningColour.valueOf((String) r[3]), Boolean.TRUE.equals(r[4]),
                        SqlTimes.offsetDateTime(r[5]), (String) r[6]))
                .sorted(Comparator.comparing((MajorAlert a) -> a.severity()).reversed())
                .toList();
    }

    private ActionResult register(Message m, long seenVersion, Classification c, Category topic, Person officer,
                                  OffsetDateTime now) {
        IntakeRules.requireVersion(m, seenVersion);
        IntakeRules.requireWaiting(m);
        String before = state(m).build().toString();
        m.register(officer, now, c.kind(), topic, c.severity(), c.colour(), c.urgent(), c.makePublic());
        flush();
        String after = state(m).add("severity", m.getSeverity().name())
                .add("warningColour", m.getWarningColour().name()).add("urgent", m.isUrgent())
                .add("publicVisible", m.isPublicVisible()).build().toString();
        audit.record(actorName(), Role.INTAKE, "MESSAGE_REGISTER", "message", m.getId(), before, after);
        if (IntakeRules.alertsLeaders(m.getSeverity())) {
            majorRegistered.fire(new MajorMessageRegistered(m.getId(), m.getTitle(), m.getSeverity(),
                    m.getWarningColour(), m.isUrgent(), actorName(), now));
        }
        return result(m);
    }

    private ActionResult reject(Message m, long seenVersion, String reason, Person officer, OffsetDateTime now) {
        IntakeRules.requireVersion(m, seenVersion);
        IntakeRules.requireWaiting(m);
        String before = state(m).build().toString();
        m.reject(officer, now, reason);
        flush();
        String after = Json.createObjectBuilder().add("status", m.getStatus().name()).add("reason", reason)
                .build().toString();
        audit.record(actorName(), Role.INTAKE, "MESSAGE_REJECT", "message", m.getId(), before, after);
        return result(m);
    }

    /** The fields intake changes, for the audit trail; never contact data. */
    private static JsonObjectBuilder state(Message m) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("status", m.getStatus().name())
                .add("kind", m.getKind().name());
        if (m.getCategory() != null) {
            b.add("category", m.getCategory().getCode());
        }
        return b;
    }

    /** Writes now, so that a concurrent change shows as a translated conflict rather than a failed commit. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new IntakeException(IntakeException.Reason.CONFLICT, "intake.error.changed");
        }
    }

    private Message find(long id) {
        Message m = em.find(Message.class, id);
        if (m == null) {
            throw new IntakeException(IntakeException.Reason.NOT_FOUND, "intake.error.notFound", String.valueOf(id));
        }
        return m;
    }

    private Category category(Long id) {
        if (id == null) {
            return null;
        }
        Category c = em.find(Category.class, id);
        if (c == null || !c.isActive()) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.categoryUnknown",
                    String.valueOf(id));
        }
        return c;
    }

    private static void requireSelection(List<VersionedId> selected) {
        if (selected == null || selected.isEmpty()) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.nothingSelected");
        }
        if (selected.size() > MAX_BULK) {
            throw new IntakeException(IntakeException.Reason.INVALID, "intake.error.tooMany", MAX_BULK);
        }
    }

    /** In id order, so that two bulk actions on overlapping selections lock rows in the same order. */
    private static List<VersionedId> sorted(List<VersionedId> selected) {
        return selected.stream().sorted(Comparator.comparingLong(VersionedId::id)).toList();
    }

    private String actorName() {
        return session.getCallerPrincipal().getName();
    }

    private Person officer() {
        return people.findByUsername(actorName()).orElse(null);
    }

    private static ActionResult result(Message m) {
        return new ActionResult(m.getId(), m.getStatus(), m.getVersion());
    }

    private static int pageSize(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE));
    }

    @SuppressWarnings("unchecked")
    private List<QueueItem> queueItems(jakarta.persistence.Query q) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new QueueItem(num(r[0]), (String) r[1], (String) r[2],
                MessageKind.valueOf((String) r[3]), "HELD".equals(r[4]), SqlTimes.offsetDateTime(r[5]), num(r[6]),
                (int) num(r[7]), QueueItem.Age.of(SqlTimes.offsetDateTime(r[5]), now))).toList();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

}
