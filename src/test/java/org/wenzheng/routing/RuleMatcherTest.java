package org.wenzheng.routing;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.Category;
import org.wenzheng.people.Unit;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleMatcherTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
    private final Unit cg = unit(1L, "CG", "城市管理局");
    private final Unit hb = unit(2L, "HB", "生态环境局");
    private final Unit jt = unit(3L, "JT", "交通运输局");
    private final Category env = category(10L, "ENV", "环境保护");
    private final Category traffic = category(11L, "TRAFFIC", "交通出行");

    @Test
    void aKeywordInTheTextMatchesAndSaysWhich() {
        RoutingRule noise = rule(1L, cg, null, "噪音，油烟", null, 0);
        Suggestion s = RuleMatcher.best(List.of(noise), null, "小区楼下烧烤店", "晚上油烟很大").orElseThrow();
        assertEquals("城市管理局", s.unitName());
        assertEquals(Suggestion.Why.RULE_KEYWORD, s.why());
        assertEquals("油烟", s.detail());
    }

    @Test
    void theHighestPriorityWinsAndThenTheMoreSpecificRule() {
        RoutingRule noise = rule(1L, cg, null, "噪音", null, 5);
        RoutingRule envNoise = rule(2L, hb, env, "噪音", null, 10);
        RoutingRule envOnly = rule(3L, jt, env, null, null, 10);
        Suggestion s = RuleMatcher.best(List.of(noise, envOnly, envNoise), env.getId(), "工地噪音扰民", "").orElseThrow();
        assertEquals("生态环境局", s.unitName(), "priority 10 beats 5; category+keyword beats category alone");
        assertEquals(Suggestion.Why.RULE_KEYWORD, s.why());

        Suggestion other = RuleMatcher.best(List.of(noise, envOnly, envNoise), traffic.getId(), "工地噪音扰民", "")
                .orElseThrow();
        assertEquals("城市管理局", other.unitName(), "a rule for another category does not match");
    }

    @Test
    void aCategoryRuleMatchesByCategoryAlone() {
        RoutingRule envOnly = rule(3L, hb, env, null, null, 0);
        Suggestion s = RuleMatcher.best(List.of(envOnly), env.getId(), "河道发臭", "").orElseThrow();
        assertEquals(Suggestion.Why.RULE_CATEGORY, s.why());
        assertEquals("环境保护", s.detail());
        assertTrue(RuleMatcher.best(List.of(envOnly), null, "河道发臭", "").isEmpty());
    }

    @Test
    void keywordsAndPlacesMustBothMatchWhenBothAreGiven() {
        RoutingRule parking = rule(4L, jt, null, "停车", "人民路、建设路", 0);
        assertTrue(RuleMatcher.best(List.of(parking), null, "停车难", "幸福路一带").isEmpty());
        Suggestion s = RuleMatcher.best(List.of(parking), null, "停车难", "建设路一带").orElseThrow();
        assertEquals("交通运输局", s.unitName());
        Suggestion place = RuleMatcher.best(List.of(rule(5L, jt, null, null, "人民路", 0)), null, "人民路积水", "")
                .orElseThrow();
        assertEquals(Suggestion.Why.RULE_PLACE, place.why());
        assertEquals("人民路", place.detail());
    }

    @Test
    void matchingIgnoresWidthAndCaseAndDeactivatedRulesNeverMatch() {
        RoutingRule wifi = rule(6L, jt, null, "WiFi", null, 0);
        assertEquals(Optional.of("WiFi"), RuleMatcher.best(List.of(wifi), null, "公交车上ｗｉｆｉ连不上", "")
                .map(Suggestion::detail));
        wifi.deactivate(NOW);
        assertTrue(RuleMatcher.best(List.of(wifi), null, "公交车上wifi连不上", "").isEmpty());
    }

    @Test
    void termsAreSplitOnAnyCommaAndARuleNeedsACriterion() {
        assertEquals(List.of("噪音", "油烟", "扰民", "施工"), RoutingRule.terms(" 噪音，油烟,扰民、施工；噪音 "));
        assertFalse(RoutingRule.hasCriterion(null, " ，", ""));
        assertTrue(RoutingRule.hasCriterion(1L, null, null));
        assertTrue(RoutingRule.hasCriterion(null, null, "人民路"));
    }

    private static RoutingRule rule(Long id, Unit unit, Category category, String keywords, String places, int prio) {
        RoutingRule r = new RoutingRule(unit, category, keywords, places, prio, NOW);
        set(r, "id", id);
        return r;
    }

    private static Unit unit(Long id, String code, String name) {
        Unit u = new Unit(code, name, null, NOW);
        set(u, "id", id);
        return u;
    }

    private static Category category(Long id, String code, String name) {
        Category c = new Category(code, name, null, 0);
        set(c, "id", id);
        return c;
    }

    static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
