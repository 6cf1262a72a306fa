package org.wenzheng.routing;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.batch.Batch;
import org.wenzheng.batch.BatchStatus;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.deadline.DueDateCalculator;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The set-based work behind approve-all ({@link RoutingService#approveAll}), one transaction per chunk of messages.
 * A chunk locks its messages, inserts their lead cases with one statement, sets them ROUTED with one statement,
 * writes one chained audit entry per case ({@link AuditTrail#recordAll}) and queues one mail per unit (to each of its
 * liaisons) listing that unit's cases of the chunk. Everything of a message commits together or not at all, and a
 * message is only taken while still BATCHED, so a crash leaves each message routed completely or untouched, and the
 * next approve-all simply continues. Chunks take messages grouped by suggested unit, so a unit usually gets one mail
 * per batch.
 */
@Stateless
public class BulkRouting {

    private static final Locale ZH = LocaleBean.CHINESE;
    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Ids a case_seq value stands for: EclipseLink's allocation size, equal to the sequence's increment. */
    private static final int CASE_ID_BLOCK = 50;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    DeadlineService deadlines;

    @Inject
    MailOutbox mail;

    @Inject
    AuditTrail audit;

    @Inject
    PeopleService people;

    @Inject
    Liaisons liaisons;

    @Inject
    SuggestionStore suggestions;

    /** Stores the suggestions the batch's waiting messages still lack, in a transaction of its own. */
    @RolesAllowed(Role.LEAD)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fillSuggestions(long batchId) {
        return suggestions.fillMissing(batchId);
    }

    /**
     * The batch's messages approve-all can route, grouped by suggested unit: waiting, with a stored suggestion of an
     * active unit, and not returned by a unit. Read once, so that chunks lock their rows by id instead of searching
     * the batch again each time.
     */
    @RolesAllowed(Role.LEAD)
    public List<Long> routable(long batchId) {
        return ((List<?>) em.createNativeQuery("""
                        select m.id
                        from message m
                        join routing_suggestion s on s.message_id = m.id
                        join unit u on u.id = s.unit_id and u.active
                        where m.batch_id = ?1 and m.status = 'BATCHED'
                          and not exists (select 1 from handling_case c where c.message_id = m.id
                                          and c.unit_role = 'LEAD' and c.status = 'RETURNED')
                        order by s.unit_id, m.id""")
                .setParameter(1, batchId).getResultList()).stream().map(n -> ((Number) n).longValue()).toList();
    }

    /**
     * Routes these messages of the batch to their suggested (active) unit with the default instruction, in a
     * transaction of its own; those no longer routable (routed meanwhile, returned, suggestion gone) are skipped.
     * Returns how many were routed.
     */
    @RolesAllowed(Role.LEAD)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int routeChunk(long batchId, List<Long> messageIds) {
        Batch batch = em.find(Batch.class, batchId);
        if (batch == null || messageIds.isEmpty()) {
            return 0;
        }
        JsonArrayBuilder ids = Json.createArrayBuilder();
        messageIds.forEach(ids::add);
        // FOR UPDATE, and the conditions checked again: a concurrent approve-all or single routing waits, then finds
        // the row no longer BATCHED.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.posted_at, m.urgent, s.unit_id, m.title
                        from message m
                        join jsonb_array_elements_text(cast(?2 as jsonb)) as x(v) on m.id = x.v::bigint
                        join routing_suggestion s on s.message_id = m.id
                        join unit u on u.id = s.unit_id and u.active
                        where m.batch_id = ?1 and m.status = 'BATCHED'
                          and not exists (select 1 from handling_case c where c.message_id = m.id
                                          and c.unit_role = 'LEAD' and c.status = 'RETURNED')
                        order by s.unit_id, m.id
                        for update of m""")
                .setParameter(1, batchId).setParameter(2, ids.build().toString()).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        String actor = ctx.getCallerPrincipal().getName();
        Person leader = people.findByUsername(actor).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        DueDateCalculator calculator = deadlines.calculator();
        String instruction = Texts.get(ZH, "routing.defaultInstruction");
        List<Long> caseIds = caseIds(rows.size());
        // One parsed pattern for all lines, and one due date per posting time (computing it walks the calendar).
        MessageFormat lineFormat = new MessageFormat(Texts.get(ZH, "routing.bulk.mail.line"), ZH);
        String urgentMark = Texts.get(ZH, "routing.mail.urgent");
        Map<Instant, DueDate> normalDue = new HashMap<>();
        Map<Instant, DueDate> urgentDue = new HashMap<>();
        Instant slipAt = batch.getCutAt().toInstant();

        JsonArrayBuilder cases = Json.createArrayBuilder();
        JsonArrayBuilder messages = Json.createArrayBuilder();
        List<AuditTrail.Change> changes = new ArrayList<>(rows.size());
        Map<Long, List<String>> linesByUnit = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            long messageId = ((Number) r[0]).longValue();
            OffsetDateTime postedAt = SqlTimes.offsetDateTime(r[1]);
            boolean urgent = Boolean.TRUE.equals(r[2]);
            long unitId = ((Number) r[3]).longValue();
            long caseId = caseIds.get(i);
            DueDate due = urgent
                    ? urgentDue.computeIfAbsent(postedAt.toInstant(), p -> calculator.urgent(p, slipAt))
                    : normalDue.computeIfAbsent(postedAt.toInstant(), calculator::forMessage);
            String dueAt = due.dueAt().toString();
            cases.add(Json.createObjectBuilder().add("id", caseId).add("message_id", messageId)
                    .add("unit_id", unitId).add("due_at", dueAt).add("urgent", urgent));
            messages.add(Json.createObjectBuilder().add("message_id", messageId).add("due_at", dueAt));
            changes.add(new AuditTrail.Change("CASE_ROUTED", "case", caseId, null,
                    "{\"message\":" + messageId + ",\"unit\":" + unitId + ",\"role\":\"LEAD\",\"due\":\""
                            + due.dueAt() + "\",\"urgent\":" + urgent + "}"));
            List<String> lines = linesByUnit.computeIfAbsent(unitId, k -> new ArrayList<>());
            lines.add(lineFormat.format(new Object[] {String.valueOf(lines.size() + 1), r[4], String.valueOf(caseId),
                    due.dueAt().atZoneSameInstant(due.zone()).format(MAIL_TIME), urgent ? urgentMark : ""}));
        }

        int inserted = em.createNativeQuery("""
                        insert into handling_case (id, message_id, unit_id, unit_role, status, instruction, routed_by,
                                                   routed_at, due_at, urgent, extension_days, reopen_count, version)
                        select r.id, r.message_id, r.unit_id, 'LEAD', 'ROUTED', ?2, cast(?3 as bigint), ?4, r.due_at,
                               r.urgent, 0, 0, 1
                        from jsonb_to_recordset(cast(?1 as jsonb))
                             as r(id bigint, message_id bigint, unit_id bigint, due_at timestamptz, urgent boolean)""")
                .setParameter(1, cases.build().toString())
                .setParameter(2, instruction)
                .setParameter(3, leader == null ? null : leader.getId())
                .setParameter(4, now)
                .executeUpdate();
        int updated = em.createNativeQuery("""
                        update message m set status = 'ROUTED', due_at = r.due_at, version = m.version + 1
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(message_id bigint, due_at timestamptz)
                        where m.id = r.message_id and m.status = 'BATCHED'""")
                .setParameter(1, messages.build().toString())
                .executeUpdate();
        if (inserted != rows.size() || updated != rows.size()) {
            // Cannot happen with the rows locked; if it does, nothing of this chunk may stay.
            throw new IllegalStateException("bulk routing of batch " + batchId + ": " + rows.size() + " locked, "
                    + inserted + " cases, " + updated + " messages");
        }
        audit.recordAll(actor, Role.LEAD, changes);
        notifyUnits(batch, instruction, linesByUnit);
        return rows.size();
    }

    /**
     * Marks the batch ROUTED (with an audit entry) once none of its messages waits; joins the caller's transaction,
     * or has its own. Returns whether the batch is routed.
     */
    @RolesAllowed(Role.LEAD)
    public boolean finishIfDone(long batchId) {
        em.flush();
        Batch batch = em.find(Batch.class, batchId);
        long waiting = waiting(batchId);
        if (waiting == 0 && batch.getStatus() != BatchStatus.ROUTED) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            String actor = ctx.getCallerPrincipal().getName();
            batch.markRouted(people.findByUsername(actor).orElse(null), now);
            audit.record(actor, Role.LEAD, "BATCH_ROUTED", "batch", batch.getId(), null,
                    "{\"at\":\"" + now + "\"}");
            return true;
        }
        return batch.getStatus() == BatchStatus.ROUTED;
    }

    /** How many of the batch's messages still wait for routing. */
    @RolesAllowed(Role.LEAD)
    public long waiting(long batchId) {
        return em.createQuery("select count(m) from Message m where m.batch.id = :b and m.status = :s", Long.class)
                .setParameter("b", batchId).setParameter("s", MessageStatus.BATCHED).getSingleResult();
    }

    /** One mail per unit and liaison, listing the unit's new cases of this chunk. */
    private void notifyUnits(Batch batch, String instruction, Map<Long, List<String>> linesByUnit) {
        Map<Long, List<Person>> recipients = liaisons.byUnit(linesByUnit.keySet());
        Map<Long, String> names = unitNames(linesByUnit.keySet());
        linesByUnit.forEach((unitId, lines) -> {
            List<Person> to = recipients.getOrDefault(unitId, List.of());
            if (to.isEmpty()) {
                return;
            }
            String subject = Texts.get(ZH, "routing.bulk.mail.subject", batch.label(), String.valueOf(lines.size()));
            String body = Texts.get(ZH, "routing.bulk.mail.body", names.get(unitId), batch.label(),
                    String.valueOf(lines.size()), instruction, String.join("\n", lines));
            for (Person p : to) {
                mail.enqueue(p.getEmail(), subject, body, "batch", batch.getId());
            }
        });
    }

    private Map<Long, String> unitNames(java.util.Collection<Long> unitIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        em.createQuery("select u.id, u.name from Unit u where u.id in :ids", Object[].class)
                .setParameter("ids", unitIds).getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }

    /**
     * Fresh case ids in EclipseLink's way: each case_seq value V stands for the block V-49..V, so these ids never
     * collide with the ones the persistence provider hands out, and stay dense.
     */
    private List<Long> caseIds(int count) {
        int blocks = (count + CASE_ID_BLOCK - 1) / CASE_ID_BLOCK;
        List<?> values = em.createNativeQuery("select nextval('case_seq') from generate_series(1, ?1)")
                .setParameter(1, blocks).getResultList();
        List<Long> ids = new ArrayList<>(blocks * CASE_ID_BLOCK);
        for (Object v : values) {
            long last = ((Number) v).longValue();
            for (long id = last - CASE_ID_BLOCK + 1; id <= last; id++) {
                ids.add(id);
            }
        }
        return ids.subList(0, count);
    }

}
