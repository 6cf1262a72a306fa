package org.wenzheng.routing;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.Category;
import org.wenzheng.people.Unit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory rule matching used when suggestions are computed in bulk: it must decide as RuleMatcher does. */
class RuleBookTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
    private final Unit cg = unit(1L, "CG", "城市管理局");
    private final Unit hb = unit(2L, "HB", "生态环境局");
    private final Unit jt = unit(3L, "JT", "交通运输局");
    private final Category env = category(10L, "ENV", "环境保护");
    private final Category traffic = category(11L, "TRAFFIC", "交通出行");

    @Test
    void theFirstRuleInPriorityThenSpecificityThenAgeOrderDecidesAndNamesItsTerm() {
        RoutingRule noise = rule(1L, cg, null, "噪音，油烟", null, 5);
        RoutingRule envNoise = rule(2L, hb, env, "噪音", null, 10);
        RoutingRule envOnly = rule(3L, jt, env, null, null, 10);
        RuleBook book = new RuleBook(List.of(noise, envOnly, envNoise));

        Suggestion s = book.match(env.getId(), "工地噪音扰民", "").orElseThrow();
        assertEquals(new Suggestion(2L, "生态环境局", Suggestion.Why.RULE_KEYWORD, "噪音"), s);
        Suggestion other = book.match(traffic.getId(), "烧烤店", "晚上油烟很大").orElseThrow();
        assertEquals(new Suggestion(1L, "城市管理局", Suggestion.Why.RULE_KEYWORD, "油烟"), other);
        Suggestion byCategory = book.match(env.getId(), "河道发臭", "").orElseThrow();
        assertEquals(Suggestion.Why.RULE_CATEGORY, byCategory.why());
        assertEquals("环境保护", byCategory.detail());
        assertTrue(book.match(traffic.getId(), "河道发臭", "").isEmpty());
    }

    @Test
    void widthCaseKeywordsWithPlacesAndDeactivatedRulesBehaveAsInTheRuleItself() {
        RoutingRule wifi = rule(6L, jt, null, "WiFi", null, 0);
        RoutingRule parking = rule(4L, jt, null, "停车", "人民路、建设路", 0);
        RoutingRule gone = rule(7L, cg, null, "停车", null, 99);
        gone.deactivate(NOW);
        RuleBook book = new RuleBook(List.of(wifi, parking, gone));
        assertEquals(Optional.of("WiFi"), book.match(null, "公交车上ｗｉｆｉ连不上", "").map(Suggestion::detail));
        assertTrue(book.match(null, "停车难", "幸福路一带").isEmpty(), "keyword without the place");
        assertEquals(Optional.of("停车"), book.match(null, "停车难", "建设路一带").map(Suggestion::detail));
        assertTrue(new RuleBook(List.of(gone)).isEmpty());
    }

    @Test
    void agreesWithRuleMatcherOnManyGeneratedMessages() {
        List<RoutingRule> rules = List.of(
                rule(1L, cg, null, "噪音，油烟", null, 5), rule(2L, hb, env, "噪音", null, 10),
                rule(3L, jt, env, null, null, 10), rule(4L, jt, null, "停车", "人民路、建设路", 0),
                rule(5L, cg, traffic, null, "北门", 3), rule(8L, hb, null, "污染", null, 5),
                rule(9L, cg, null, "污染", null, 5));
        String[] parts = {"噪音", "油烟", "停车", "人民路", "建设路", "北门", "污染", "河道", "ＷＩＦＩ", "路灯"};
        Long[] categories = {null, env.getId(), traffic.getId()};
        RuleBook book = new RuleBook(rules);
        Random random = new Random(5);
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String title = parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
            String body = random.nextBoolean() ? parts[random.nextInt(parts.length)] : "";
            Long category = categories[random.nextInt(categories.length)];
            Optional<Suggestion> expected = RuleMatcher.best(rules, category, title, body);
            assertEquals(expected, book.match(category, title, body), title + " / " + body + " / " + category);
            expected.ifPresent(s -> checked.add(s.unitName()));
        }
        assertTrue(checked.size() > 1000, "most generated messages match some rule");
        assertEquals(Optional.of("生态环境局"), book.match(null, "化工污染", "").map(Suggestion::unitName),
                "equal priority and specificity: the older rule (lower id) wins");
    }

    private static RoutingRule rule(Long id, Unit unit, Category category, String keywords, String places, int prio) {
        RoutingRule r = new RoutingRule(unit, category, keywords, places, prio, NOW);
        RuleMatcherTest.set(r, "id", id);
        return r;
    }

    private static Unit unit(Long id, String code, String name) {
        Unit u = new Unit(code, name, null, NOW);
        RuleMatcherTest.set(u, "id", id);
        return u;
    }

    private static Category category(Long id, String code, String name) {
        Category c = new Category(code, name, null, 0);
        RuleMatcherTest.set(c, "id", id);
        return c;
    }
}
