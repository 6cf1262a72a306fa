package org.wenzheng.routing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The active routing rules prepared once for matching many messages in memory (a gathered chunk, a batch): terms
 * normalised once, rules in decision order, and each message's text normalised once. Decides exactly as
 * {@link RuleMatcher#best} does for the same rules: the first matching rule in order of priority, specificity, age.
 */
public final class RuleBook {

    private static final Comparator<RoutingRule> ORDER =
            Comparator.comparingInt(RoutingRule::getPriority).reversed()
                    .thenComparing(Comparator.comparingInt(RoutingRule::specificity).reversed())
                    .thenComparing(RoutingRule::getId, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<Prepared> rules;

    public RuleBook(Collection<RoutingRule> rules) {
        this.rules = rules.stream().filter(RoutingRule::isActive).sorted(ORDER).map(Prepared::new).toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The suggestion of the first rule that matches the message, if any. */
    public Optional<Suggestion> match(Long categoryId, String title, String body) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String text = normalise((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        for (Prepared r : rules) {
            Suggestion s = r.match(categoryId, text);
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** One rule with its terms normalised; the terms keep their order (the first found is named). */
    private static final class Prepared {
        private final Long unitId;
        private final String unitName;
        private final boolean hasCategory;
        private final Long categoryId;
        private final String categoryName;
        private final List<String[]> keywords;
        private final List<String[]> places;

        Prepared(RoutingRule rule) {
            this.unitId = rule.getUnit().getId();
            this.unitName = rule.getUnit().getName();
            this.hasCategory = rule.getCategory() != null;
            this.categoryId = rule.getCategory() == null ? null : rule.getCategory().getId();
            this.categoryName = rule.getCategory() == null ? null : rule.getCategory().getName();
            this.keywords = prepare(rule.getKeywords());
            this.places = prepare(rule.getPlaces());
        }

        private static List<String[]> prepare(String line) {
            List<String[]> result = new ArrayList<>();
            for (String term : RoutingRule.terms(line)) {
                result.add(new String[] {term, normalise(term)});
            }
            return result;
        }

        Suggestion match(Long messageCategoryId, String text) {
            if (hasCategory && !Objects.equals(categoryId, messageCategoryId)) {
                return null;
            }
            String keyword = null;
            if (!keywords.isEmpty()) {
                keyword = first(keywords, text);
                if (keyword == null) {
                    return null;
                }
            }
            String place = null;
            if (!places.isEmpty()) {
                place = first(places, text);
                if (place == null) {
                    return null;
                }
            }
            if (keyword != null) {
                return new Suggestion(unitId, unitName, Suggestion.Why.RULE_KEYWORD, keyword);
            }
            if (place != null) {
                return new Suggestion(unitId, unitName, Suggestion.Why.RULE_PLACE, place);
            }
            if (hasCategory) {
                return new Suggestion(unitId, unitName, Suggestion.Why.RULE_CATEGORY, categoryName);
            }
            return null;
        }

        private static String first(List<String[]> terms, String text) {
            for (String[] t : terms) {
                if (text.contains(t[1])) {
                    return t[0];
                }
            }
            return null;
        }
    }
}
