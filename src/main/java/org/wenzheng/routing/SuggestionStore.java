package org.wenzheng.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.batch.MessagesGathered;
import org.wenzheng.board.Message;
import org.wenzheng.routing.RoutingAdvisor.Candidate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each batched message's suggested lead unit, computed once in bulk and kept (table routing_suggestion): when the
 * daily batch gathers a chunk (in the chunk's transaction), or, for messages batched otherwise or before suggestions
 * were kept, when a leader first opens or approves the batch. The slip, the leader's page and approve-all all read
 * it, so what the slip printed is what approve-all applies; a rule changed later does not move it, but a leader may
 * recompute one message ({@link #refresh}). Joins the caller's transaction.
 */
@ApplicationScoped
public class SuggestionStore {

    /** Stored row reason when no unit could be suggested (the slip prints 待定). */
    static final String NONE = "NONE";
    static final int PAGE = 1000;
    private static final int MAX_DETAIL = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    RoutingAdvisor advisor;

    @Inject
    Clock clock;

    /** Database time the similar-messages step may spend per batch while gathering (and per fill-in). */
    @Inject
    @ConfigProperty(name = "wz.routing.similarBudgetMillis", defaultValue = "2500")
    long similarBudgetMillis;

    /** The budget of the batch being gathered; at most one batch is OPEN at a time, so one entry suffices. */
    private Long budgetBatch;
    private SimilarBudget budget;

    /** Gathering: the chunk's suggestions, stored in the chunk's transaction. */
    void gathered(@Observes MessagesGathered event) {
        store(event.messageIds(), budgetFor(event.batchId()));
    }

    /**
     * Computes and stores the suggestions the batch's waiting messages lack (batched before suggestions were kept,
     * or by other means); returns how many were added.
     */
    public int fillMissing(long batchId) {
        List<Long> missing = ((List<?>) em.createNativeQuery("""
                        select m.id from message m
                        where m.batch_id = ?1 and m.status = 'BATCHED'
                          and not exists (select 1 from routing_suggestion s where s.message_id = m.id)
                        order by m.id""")
                .setParameter(1, batchId).getResultList()).stream().map(n -> ((Number) n).longValue()).toList();
        SimilarBudget fresh = SimilarBudget.of(Duration.ofMillis(similarBudgetMillis));
        for (int from = 0; from < missing.size(); from += PAGE) {
            store(missing.subList(from, Math.min(missing.size(), from + PAGE)), fresh);
        }
        return missing.size();
    }

    /** The stored suggestions of these messages; a message with none stored, or none found, is absent. */
    public Map<Long, Suggestion> forMessages(Collection<Long> messageIds) {
        Map<Long, Suggestion> result = new HashMap<>();
        if (messageIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.message_id, s.unit_id, u.name, s.why, s.detail
                        from routing_suggestion s
                        join jsonb_array_elements_text(cast(?1 as jsonb)) as x(v) on s.message_id = x.v::bigint
                        join unit u on u.id = s.unit_id""")
                .setParameter(1, idsJson(messageIds)).getResultList();
        for (Object[] r : rows) {
            result.put(((Number) r[0]).longValue(), new Suggestion(((Number) r[1]).longValue(), (String) r[2],
                    Suggestion.Why.valueOf((String) r[3]), r[4] == null ? "" : (String) r[4]));
        }
        return result;
    }

    /** Recomputes one message's suggestion with today's rules and no bound on the similar step, and stores it. */
    public Optional<Suggestion> refresh(Message message) {
        Optional<Suggestion> s = advisor.suggest(message);
        write(Map.of(message.getId(), s));
        return s;
    }

    private synchronized SimilarBudget budgetFor(long batchId) {
        if (budget == null || !Long.valueOf(batchId).equals(budgetBatch)) {
            budgetBatch = batchId;
            budget = SimilarBudget.of(Duration.ofMillis(similarBudgetMillis));
        }
        return budget;
    }

    private void store(List<Long> messageIds, SimilarBudget similarBudget) {
        if (messageIds.isEmpty()) {
            return;
        }
        List<Candidate> candidates = candidates(messageIds);
        Map<Long, Suggestion> found = advisor.suggest(candidates, advisor.ruleBook(), similarBudget);
        Map<Long, Optional<Suggestion>> all = new HashMap<>();
        for (Candidate c : candidates) {
            all.put(c.id(), Optional.ofNullable(found.get(c.id())));
        }
        write(all);
    }

    @SuppressWarnings("unchecked")
    private List<Candidate> candidates(List<Long> messageIds) {
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.category_id, m.title, m.body, m.target_unit_id, u.name
                        from message m
                        join jsonb_array_elements_text(cast(?1 as jsonb)) as x(v) on m.id = x.v::bigint
                        left join unit u on u.id = m.target_unit_id
                        order by m.id""")
                .setParameter(1, idsJson(messageIds)).getResultList();
        List<Candidate> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Candidate(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5]));
        }
        return result;
    }

    /** One upsert for all: a message gathered again (after a reroute) gets its suggestion replaced. */
    private void write(Map<Long, Optional<Suggestion>> suggestions) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        suggestions.forEach((id, s) -> {
            JsonObjectBuilder row = Json.createObjectBuilder().add("message_id", id);
            if (s.isPresent()) {
                String detail = s.get().detail() == null ? "" : s.get().detail();
                row.add("unit_id", s.get().unitId()).add("why", s.get().why().name())
                        .add("detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
            } else {
                row.addNull("unit_id").add("why", NONE).addNull("detail");
            }
            rows.add(row);
        });
        em.createNativeQuery("""
                        insert into routing_suggestion (message_id, unit_id, why, detail, computed_at)
                        select r.message_id, r.unit_id, r.why, r.detail, ?2
                        from jsonb_to_recordset(cast(?1 as jsonb)) as r(message_id bigint, unit_id bigint, why text,
                                                                         detail text)
                        on conflict (message_id) do update set unit_id = excluded.unit_id, why = excluded.why,
                            detail = excluded.detail, computed_at = excluded.computed_at""")
                .setParameter(1, rows.build().toString())
                .setParameter(2, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    private static String idsJson(Collection<Long> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        ids.forEach(a::add);
        return a.build().toString();
    }
}
