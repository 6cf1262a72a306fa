package org.wenzheng.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Picks the rule that decides a message: highest priority, then the more specific rule, then the older rule. */
public final class RuleMatcher {

    private static final Comparator<RoutingRule.RuleMatch> BEST =
            Comparator.<RoutingRule.RuleMatch>comparingInt(m -> m.rule().getPriority()).reversed()
                    .thenComparing(Comparator.<RoutingRule.RuleMatch>comparingInt(m -> m.rule().specificity())
                            .reversed())
                    .thenComparing(m -> m.rule().getId(), Comparator.nullsLast(Comparator.naturalOrder()));

    private RuleMatcher() {
    }

    public static Optional<Suggestion> best(Collection<RoutingRule> rules, Long categoryId, String title,
                                            String body) {
        return rules.stream()
                .map(r -> r.match(categoryId, title, body))
                .flatMap(Optional::stream)
                .min(BEST)
                .map(m -> new Suggestion(m.rule().getUnit().getId(), m.rule().getUnit().getName(), m.why(),
                        m.term()));
    }
}
