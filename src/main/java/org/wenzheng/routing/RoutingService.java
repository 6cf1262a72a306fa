package org.wenzheng.routing;

import org.wenzheng.common.SqlTimes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.batch.Batch;
import org.wenzheng.batch.BatchStatus;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.PublicPageCache;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.CaseStatus;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;
import org.wenzheng.routing.RoutingViews.ApproveAllResult;
import org.wenzheng.routing.RoutingViews.BatchSummary;
import org.wenzheng.routing.RoutingViews.BatchView;
import org.wenzheng.routing.RoutingViews.ReturnStat;
import org.wenzheng.routing.RoutingViews.Returned;
import org.wenzheng.routing.RoutingViews.RouteCommand;
import org.wenzheng.routing.RoutingViews.RouteResult;
import org.wenzheng.routing.RoutingViews.Row;
import org.wenzheng.routing.RoutingViews.UnitOption;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The leader's routing (批办) of a batch: instruction, lead unit, co-units, urgency, approval; each approval creates
 * the units' cases with one due date, sets the message ROUTED, queues a mail to each unit's liaisons and writes an
 * audit entry per case, all in one transaction. Approving a whole batch with its stored suggestions is set-based work
 * in chunked transactions ({@link BulkRouting}). Also the report on returned cases.
 */
@Stateless
public class RoutingService {

    /** The routing page lists at most this many waiting messages (approve-all takes them all). */
    static final int VIEW_LIMIT = 500;
    /** Messages per approve-all transaction. */
    static final int ROUTE_CHUNK = 5000;
    static final int MAX_REPORT_DAYS = 366;
    static final int MAX_INSTRUCTION = 2000;
    static final int MAX_CO_UNITS = 20;
    private static final Locale ZH = LocaleBean.CHINESE;
    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    SuggestionStore suggestionStore;

    @Inject
    BulkRouting bulk;

    @Inject
    Liaisons liaisons;

    @Inject
    DeadlineService deadlines;

    @Inject
    MailOutbox mail;

    @Inject
    AuditTrail audit;

    @Inject
    PeopleService people;

    /** Batches with messages waiting for routing (SLIPPED, or OPEN with messages in it), oldest first. */
    @RolesAllowed(Role.LEAD)
    public List<BatchSummary> waitingBatches() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select b.id, b.year, b.number, b.cut_at, b.status, count(m.id)
                        from batch b left join message m on m.batch_id = b.id and m.status = 'BATCHED'
                        where b.status in ('OPEN', 'SLIPPED')
                        group by b.id, b.year, b.number, b.cut_at, b.status
                        having b.status = 'SLIPPED' or count(m.id) > 0
                        order by b.cut_at, b.id""")
                .setMaxResults(200).getResultList();
        return rows.stream().map(r -> new BatchSummary(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), SqlTimes.offsetDateTime(r[3]), BatchStatus.valueOf((String) r[4]),
                ((Number) r[5]).longValue())).toList();
    }

    /**
     * The batch's messages waiting for routing (the first {@value #VIEW_LIMIT}), each with its stored suggestion and
     * last return; fetched in bulk. Suggestions missing (a batch gathered before they were kept) are stored first.
     */
    @RolesAllowed(Role.LEAD)
    public BatchView batch(Long batchId, Locale locale) {
        Batch batch = findBatch(batchId);
        bulk.fillSuggestions(batchId);
        List<Message> messages = waitingMessages(batchId);
        List<Long> ids = messages.stream().map(Message::getId).toList();
        Map<Long, Suggestion> suggestions = suggestionStore.forMessages(ids);
        Map<Long, Returned> returns = lastReturns(ids);
        List<Row> rows = messages.stream().map(m -> row(m, suggestions.get(m.getId()), returns.get(m.getId()), locale))
                .toList();
        List<UnitOption> units = people.activeUnits().stream()
                .map(u -> new UnitOption(u.getId(), u.displayName(locale))).toList();
        long waiting = rows.size() < VIEW_LIMIT ? rows.size() : bulk.waiting(batchId);
        return new BatchView(summary(batch, waiting), rows, units);
    }

    /**
     * Recomputes one waiting message's suggestion with the routing rules as they are now (the stored one was made
     * when the batch was gathered, and is what the slip printed), stores it and returns the message's row.
     */
    @RolesAllowed(Role.LEAD)
    public Row refreshSuggestion(Long messageId, Locale locale) {
        Message m = em.find(Message.class, messageId);
        if (m == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "routing.error.messageNotFound");
        }
        if (m.getStatus() != MessageStatus.BATCHED || m.getBatch() == null) {
            throw new ActionRefused(Kind.WRONG_STATE, "routing.error.notWaiting", m.getTitle());
        }
        Suggestion s = suggestionStore.refresh(m).orElse(null);
        return row(m, s, lastReturns(List.of(messageId)).get(messageId), locale);
    }

    private static Row row(Message m, Suggestion s, Returned returned, Locale locale) {
        return new Row(m.getId(), m.getVersion(), m.getTitle(), m.getBody(),
                m.getCategory() == null ? null : m.getCategory().displayName(locale),
                m.getTargetUnit() == null ? null : m.getTargetUnit().displayName(locale),
                m.getPostedAt(), m.isUrgent(), s, s == null ? null : s.reason(locale), returned);
    }

    /** Routes one message as the leader decided. */
    @RolesAllowed(Role.LEAD)
    public RouteResult route(Long messageId, RouteCommand command) {
        Message m = em.find(Message.class, messageId);
        if (m == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "routing.error.messageNotFound");
        }
        if (command.version() == null || m.getVersion() != command.version()) {
            throw new ActionRefused(Kind.CONFLICT, "routing.error.changed", m.getTitle());
        }
        if (m.getStatus() != MessageStatus.BATCHED || m.getBatch() == null) {
            throw new ActionRefused(Kind.WRONG_STATE, "routing.error.notWaiting", m.getTitle());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> unitIds = new LinkedHashSet<>();
        unitIds.add(command.leadUnitId());
        if (command.coUnitIds() != null) {
            unitIds.addAll(command.coUnitIds());
        }
        RouteResult result = routeOne(m, command.instruction(), command.leadUnitId(), command.coUnitIds(),
                command.urgent(), now, liaisons.byUnit(unitIds), people.findByUsername(actor()).orElse(null));
        flush();
        boolean batchRouted = bulk.finishIfDone(m.getBatch().getId());
        flush();
        return new RouteResult(result.messageId(), result.caseIds(), result.dueAt(), result.dueExplanation(),
                batchRouted);
    }

    /**
     * Approves the whole batch with its stored suggestions and the default instruction, in transactions of
     * {@value #ROUTE_CHUNK} messages (see {@link BulkRouting}). Messages without a suggestion (or whose suggested unit
     * was deactivated), and messages a unit returned (the suggestion may be the unit that returned it), are left for
     * individual routing. Calling it again continues where a failed call stopped and routes nothing twice.
     */
    @RolesAllowed(Role.LEAD)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ApproveAllResult approveAll(Long batchId) {
        findBatch(batchId);
        bulk.fillSuggestions(batchId);
        List<Long> routable = bulk.routable(batchId);
        int routed = 0;
        for (int from = 0; from < routable.size(); from += ROUTE_CHUNK) {
            int n = bulk.routeChunk(batchId, routable.subList(from, Math.min(routable.size(), from + ROUTE_CHUNK)));
            if (n > 0) {
                // Native updates pass by the entity listener: the board shows a message's state.
                PublicPageCache.publicContentChanged();
            }
            routed += n;
        }
        boolean batchRouted = bulk.finishIfDone(batchId);
        long left = batchRouted ? 0 : bulk.waiting(batchId);
        return new ApproveAllResult(routed, (int) left, batchRouted);
    }

    /** Returns per unit in [from, to): count, total and average time from routing to return. At most a year. */
    @RolesAllowed({Role.LEAD, Role.SUPERVISE})
    public List<ReturnStat> returnsReport(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null || !from.isBefore(to)
                || Duration.between(from, to).toDays() > MAX_REPORT_DAYS) {
            throw new ActionRefused(Kind.INVALID, "return.report.badPeriod", String.valueOf(MAX_REPORT_DAYS));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.id, u.name, count(*), sum(extract(epoch from (c.returned_at - c.routed_at)))
                        from handling_case c join unit u on u.id = c.unit_id
                        where c.returned_at >= ?1 and c.returned_at < ?2
                        group by u.id, u.name
                        order by count(*) desc, u.name""")
                .setParameter(1, from).setParameter(2, to).setMaxResults(1000).getResultList();
        return rows.stream().map(r -> {
            long count = ((Number) r[2]).longValue();
            double hours = ((Number) r[3]).doubleValue() / 3600.0;
            return new ReturnStat(((Number) r[0]).longValue(), (String) r[1], count, round(hours),
                    round(hours / count));
        }).toList();
    }

    private RouteResult routeOne(Message m, String instruction, Long leadUnitId, Collection<Long> coUnitIds,
                                 boolean urgent, OffsetDateTime now, Map<Long, List<Person>> liaisons,
                                 Person leader) {
        if (instruction == null || instruction.isBlank() || instruction.length() > MAX_INSTRUCTION) {
            throw new ActionRefused(Kind.INVALID, "routing.error.instruction", String.valueOf(MAX_INSTRUCTION));
        }
        if (coUnitIds != null && coUnitIds.size() > MAX_CO_UNITS) {
            throw new ActionRefused(Kind.INVALID, "routing.error.tooManyCoUnits", String.valueOf(MAX_CO_UNITS));
        }
        Unit lead = activeUnit(leadUnitId);
        List<Unit> coUnits = new ArrayList<>();
        if (coUnitIds != null) {
            for (Long id : new LinkedHashSet<>(coUnitIds)) {
                if (id.equals(leadUnitId)) {
                    throw new ActionRefused(Kind.INVALID, "routing.error.coIsLead");
                }
                coUnits.add(activeUnit(id));
            }
        }
        Batch batch = m.getBatch();
        DueDate due = urgent
                ? deadlines.urgent(m.getPostedAt().toInstant(), batch.getCutAt().toInstant())
                : deadlines.forMessage(m.getPostedAt().toInstant());
        String text = instruction.strip();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(m, lead, UnitRole.LEAD, text, leader, now, due.dueAt(), urgent));
        for (Unit u : coUnits) {
            cases.add(new Case(m, u, UnitRole.CO, text, leader, now, due.dueAt(), urgent));
        }
        m.route(due.dueAt(), urgent);
        for (Case c : cases) {
            em.persist(c);
            notifyLiaisons(c, due, liaisons.getOrDefault(c.getUnit().getId(), List.of()));
            audit.record(actor(), Role.LEAD, "CASE_ROUTED", "case", c.getId(), null,
                    "{\"message\":" + m.getId() + ",\"unit\":" + c.getUnit().getId() + ",\"role\":\""
                            + c.getUnitRole() + "\",\"due\":\"" + due.dueAt() + "\",\"urgent\":" + urgent + "}");
        }
        return new RouteResult(m.getId(), cases.stream().map(Case::getId).toList(), due.dueAt(), due.explainZh(),
                false);
    }

    private void notifyLiaisons(Case c, DueDate due, List<Person> liaisons) {
        Message m = c.getMessage();
        String role = Texts.get(ZH, "routing.mail.role." + c.getUnitRole().name());
        String subject = Texts.get(ZH, "routing.mail.subject", m.getTitle());
        String body = Texts.get(ZH, "routing.mail.body", c.getUnit().getName(), m.getTitle(), role,
                c.getInstruction(), due.dueAt().atZoneSameInstant(due.zone()).format(MAIL_TIME), due.explainZh(),
                String.valueOf(c.getId()), c.isUrgent() ? Texts.get(ZH, "routing.mail.urgent") : "");
        for (Person p : liaisons) {
            mail.enqueue(p.getEmail(), subject, body, "case", c.getId());
        }
    }

    private Map<Long, Returned> lastReturns(List<Long> messageIds) {
        Map<Long, Returned> result = new HashMap<>();
        if (messageIds.isEmpty()) {
            return result;
        }
        List<Case> returned = em.createQuery("""
                        select c from Case c join fetch c.unit
                        where c.message.id in :ids and c.unitRole = :lead and c.status = :returned
                        order by c.returnedAt, c.id""", Case.class)
                .setParameter("ids", messageIds)
                .setParameter("lead", UnitRole.LEAD)
                .setParameter("returned", CaseStatus.RETURNED)
                .getResultList();
        for (Case c : returned) {
            result.put(c.getMessage().getId(), new Returned(c.getUnit().getName(), c.getReturnReasonCode(),
                    c.getReturnReason(), c.getReturnedAt()));
        }
        return result;
    }

    private List<Message> waitingMessages(Long batchId) {
        return em.createQuery("""
                        select m from Message m left join fetch m.category left join fetch m.targetUnit
                        where m.batch.id = :b and m.status = :s order by m.urgent desc, m.postedAt, m.id""",
                        Message.class)
                .setParameter("b", batchId).setParameter("s", MessageStatus.BATCHED)
                .setMaxResults(VIEW_LIMIT).getResultList();
    }

    private Batch findBatch(Long batchId) {
        Batch batch = batchId == null ? null : em.find(Batch.class, batchId);
        if (batch == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "routing.error.batchNotFound");
        }
        return batch;
    }

    private Unit activeUnit(Long id) {
        Unit u = id == null ? null : em.find(Unit.class, id);
        if (u == null || !u.isActive()) {
            throw new ActionRefused(Kind.INVALID, "routing.error.unit");
        }
        return u;
    }

    private static BatchSummary summary(Batch b, long waiting) {
        return new BatchSummary(b.getId(), b.getYear(), b.getNumber(), b.getCutAt(), b.getStatus(), waiting);
    }

    /** Another leader committed first: EclipseLink notices at flush. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "routing.error.changedSimple");
        }
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

}
