package org.wenzheng.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.board.Message;
import org.wenzheng.board.search.SearchTokenizer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggests a lead unit for a message: a routing rule first; where none matches, the lead unit most often chosen for
 * the most similar messages routed in the last 180 days; else the unit the citizen chose; else nothing. Works on
 * many messages at once: the rules are read once and matched in memory ({@link RuleBook}), the similar messages are
 * looked up per distinct title in grouped statements, bounded by a {@link SimilarBudget}. Suggestions for a batch are
 * computed once and kept by {@link SuggestionStore}.
 */
@ApplicationScoped
public class RoutingAdvisor {

    /** How far back similar messages count. */
    static final int SIMILAR_DAYS = 180;
    /** The most similar messages looked at per message. */
    static final int SIMILAR_TOP = 20;
    /** Title tokens used for similarity: enough for a 100-character title, bounded for the index. */
    static final int MAX_TOKENS = 40;
    /** Distinct title queries per similar-messages statement. */
    static final int SIMILAR_GROUP = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    Clock clock;

    public Optional<Suggestion> suggest(Message message) {
        return Optional.ofNullable(suggestAll(List.of(message)).get(message.getId()));
    }

    /** Suggestions by message id, with no bound on the similar-messages step; a message with none is absent. */
    public Map<Long, Suggestion> suggestAll(Collection<Message> messages) {
        return suggest(messages.stream().map(Candidate::of).toList(), ruleBook(), SimilarBudget.unlimited());
    }

    /**
     * The bulk form: rules matched in memory, then similar messages for those no rule decides (one statement per
     * group of distinct titles, while the budget lasts), then the citizen's choice.
     */
    Map<Long, Suggestion> suggest(List<Candidate> messages, RuleBook rules, SimilarBudget budget) {
        Map<Long, Suggestion> result = new HashMap<>();
        if (messages.isEmpty()) {
            return result;
        }
        List<Candidate> rest = new ArrayList<>();
        for (Candidate m : messages) {
            Optional<Suggestion> byRule = rules.match(m.categoryId(), m.title(), m.body());
            if (byRule.isPresent()) {
                result.put(m.id(), byRule.get());
            } else {
                rest.add(m);
            }
        }
        Map<Long, Suggestion> similar = similar(rest, budget);
        for (Candidate m : rest) {
            Suggestion s = similar.get(m.id());
            if (s == null && m.citizenUnitId() != null) {
                s = new Suggestion(m.citizenUnitId(), m.citizenUnitName(), Suggestion.Why.CITIZEN, "");
            }
            if (s != null) {
                result.put(m.id(), s);
            }
        }
        return result;
    }

    RuleBook ruleBook() {
        return new RuleBook(activeRules());
    }

    /** What the advisor needs of a message, read in bulk without loading entities. */
    record Candidate(long id, Long categoryId, String title, String body, Long citizenUnitId,
                     String citizenUnitName) {

        static Candidate of(Message m) {
            return new Candidate(m.getId(), m.getCategory() == null ? null : m.getCategory().getId(), m.getTitle(),
                    m.getBody(), m.getTargetUnit() == null ? null : m.getTargetUnit().getId(),
                    m.getTargetUnit() == null ? null : m.getTargetUnit().getName());
        }
    }

    List<RoutingRule> activeRules() {
        return em.createQuery("""
                        select r from RoutingRule r join fetch r.unit left join fetch r.category
                        where r.active = true and r.unit.active = true order by r.priority desc, r.id""",
                        RoutingRule.class)
                .setMaxResults(5000).getResultList();
    }

    /**
     * For each message, the {@value #SIMILAR_TOP} messages whose search vector shares most of its title's tokens (OR
     * query ranked by ts_rank, through the GIN index), among those with a lead case routed in the last
     * {@value #SIMILAR_DAYS} days and not returned; the lead unit most of them went to wins. Messages with the same
     * title tokens share one look-up (and the budget's memory of earlier chunks); distinct queries go to the database
     * {@value #SIMILAR_GROUP} per statement, and no new statement starts once the budget is spent.
     */
    Map<Long, Suggestion> similar(List<Candidate> messages, SimilarBudget budget) {
        Map<String, Long> pending = new LinkedHashMap<>();
        Map<Long, String> queryOf = new HashMap<>();
        for (Candidate m : messages) {
            String query = orQuery(m.title());
            if (!query.isEmpty()) {
                queryOf.put(m.id(), query);
                if (!budget.known(query)) {
                    pending.putIfAbsent(query, m.id());
                }
            }
        }
        List<Map.Entry<String, Long>> todo = new ArrayList<>(pending.entrySet());
        for (int from = 0; from < todo.size() && budget.allowsMore(); from += SIMILAR_GROUP) {
            List<Map.Entry<String, Long>> group = todo.subList(from, Math.min(todo.size(), from + SIMILAR_GROUP));
            long started = System.nanoTime();
            Map<String, Suggestion> found = lookUp(group);
            for (Map.Entry<String, Long> e : group) {
                budget.remember(e.getKey(), found.get(e.getKey()));
            }
            budget.spent(System.nanoTime() - started);
        }
        Map<Long, Suggestion> result = new HashMap<>();
        queryOf.forEach((id, query) -> budget.answer(query).ifPresent(s -> result.put(id, s)));
        budget.forget();
        return result;
    }

    /** One statement for a group of distinct queries, each with a message it stands for (excluded from its hits). */
    @SuppressWarnings("unchecked")
    private Map<String, Suggestion> lookUp(List<Map.Entry<String, Long>> group) {
        JsonArrayBuilder input = Json.createArrayBuilder();
        for (int i = 0; i < group.size(); i++) {
            input.add(Json.createObjectBuilder().add("k", i).add("id", group.get(i).getValue())
                    .add("q", group.get(i).getKey()));
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(SIMILAR_DAYS);
        List<Object[]> rows = em.createNativeQuery("""
                        select src.k, best.unit_id, best.n, u.name
                        from jsonb_to_recordset(cast(?1 as jsonb)) as src(k int, id bigint, q text)
                        cross join lateral (
                            select c.unit_id, count(*) as n, max(top.rank) as r
                            from (select o.id, ts_rank(o.search_vector, to_tsquery('simple', src.q)) as rank
                                  from message o
                                  where o.search_vector @@ to_tsquery('simple', src.q) and o.id <> src.id
                                    and exists (select 1 from handling_case x where x.message_id = o.id
                                                and x.unit_role = 'LEAD' and x.status <> 'RETURNED'
                                                and x.routed_at >= ?2)
                                  order by rank desc, o.id desc
                                  limit ?3) top
                            join handling_case c on c.message_id = top.id and c.unit_role = 'LEAD'
                                 and c.status <> 'RETURNED'
                            group by c.unit_id
                            order by count(*) desc, max(top.rank) desc, c.unit_id
                            limit 1) best
                        join unit u on u.id = best.unit_id and u.active""")
                .setParameter(1, input.build().toString())
                .setParameter(2, since)
                .setParameter(3, SIMILAR_TOP)
                .getResultList();
        Map<String, Suggestion> result = new HashMap<>();
        for (Object[] row : rows) {
            String query = group.get(((Number) row[0]).intValue()).getKey();
            result.put(query, new Suggestion(((Number) row[1]).longValue(), (String) row[3],
                    Suggestion.Why.SIMILAR, String.valueOf(((Number) row[2]).longValue())));
        }
        return result;
    }

    /** The title's tokens as an OR query; tokens are letters and digits only, so they need no quoting. */
    String orQuery(String title) {
        Set<String> tokens = Arrays.stream(tokenizer.indexText(title).split(" "))
                .filter(t -> !t.isBlank() && t.codePointCount(0, t.length()) >= 2)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return tokens.stream().limit(MAX_TOKENS).collect(Collectors.joining(" | "));
    }
}
