package org.wenzheng.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.board.Message;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.people.Unit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggests a lead unit for a message: a routing rule first; where none matches, the lead unit most often chosen for
 * the most similar messages routed in the last 180 days; else the unit the citizen chose; else nothing. Works on
 * many messages at once (a batch) with one query for the rules and one for the similar messages.
 */
@ApplicationScoped
public class RoutingAdvisor {

    /** How far back similar messages count. */
    static final int SIMILAR_DAYS = 180;
    /** The most similar messages looked at per message. */
    static final int SIMILAR_TOP = 20;
    /** Title tokens used for similarity: enough for a 100-character title, bounded for the index. */
    static final int MAX_TOKENS = 40;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    Clock clock;

    public Optional<Suggestion> suggest(Message message) {
        return Optional.ofNullable(suggestAll(List.of(message)).get(message.getId()));
    }

    /** Suggestions by message id; a message with none is absent from the map. */
    public Map<Long, Suggestion> suggestAll(Collection<Message> messages) {
        Map<Long, Suggestion> result = new HashMap<>();
        if (messages.isEmpty()) {
            return result;
        }
        List<RoutingRule> rules = activeRules();
        List<Message> rest = new java.util.ArrayList<>();
        for (Message m : messages) {
            Long categoryId = m.getCategory() == null ? null : m.getCategory().getId();
            Optional<Suggestion> byRule = RuleMatcher.best(rules, categoryId, m.getTitle(), m.getBody());
            if (byRule.isPresent()) {
                result.put(m.getId(), byRule.get());
            } else {
                rest.add(m);
            }
        }
        Map<Long, Suggestion> similar = similar(rest);
        for (Message m : rest) {
            Suggestion s = similar.get(m.getId());
            if (s == null && m.getTargetUnit() != null) {
                Unit u = m.getTargetUnit();
                s = new Suggestion(u.getId(), u.getName(), Suggestion.Why.CITIZEN, "");
            }
            if (s != null) {
                result.put(m.getId(), s);
            }
        }
        return result;
    }

    List<RoutingRule> activeRules() {
        return em.createQuery("""
                        select r from RoutingRule r join fetch r.unit left join fetch r.category
                        where r.active = true and r.unit.active = true order by r.priority desc, r.id""",
                        RoutingRule.class)
                .setMaxResults(5000).getResultList();
    }

    /**
     * One statement for all messages: for each, the {@value #SIMILAR_TOP} messages whose search vector shares most
     * of its title's tokens (OR query ranked by ts_rank, through the GIN index), among those with a lead case routed
     * in the last {@value #SIMILAR_DAYS} days and not returned; the lead unit most of them went to wins.
     */
    @SuppressWarnings("unchecked")
    Map<Long, Suggestion> similar(List<Message> messages) {
        JsonArrayBuilder input = Json.createArrayBuilder();
        int count = 0;
        for (Message m : messages) {
            String query = orQuery(m.getTitle());
            if (!query.isEmpty()) {
                input.add(Json.createObjectBuilder().add("id", m.getId()).add("q", query));
                count++;
            }
        }
        if (count == 0) {
            return Map.of();
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(SIMILAR_DAYS);
        List<Object[]> rows = em.createNativeQuery("""
                        select src.id, best.unit_id, best.n, u.name
                        from jsonb_to_recordset(cast(?1 as jsonb)) as src(id bigint, q text)
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
        Map<Long, Suggestion> result = new HashMap<>();
        for (Object[] row : rows) {
            long messageId = ((Number) row[0]).longValue();
            result.put(messageId, new Suggestion(((Number) row[1]).longValue(), (String) row[3],
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
