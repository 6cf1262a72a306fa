package org.wenzheng.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.wenzheng.board.Category;
import org.wenzheng.people.Unit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.text.Normalizer;

/**
 * A routing rule (分办规则): messages of its category, or mentioning one of its keywords or place names in title or
 * text, are suggested to its unit. A rule with a category and keywords needs both; a rule with neither keywords nor
 * places matches by category alone. Deactivated, never deleted, so that past suggestions stay explainable.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule {

    @Id
    @SequenceGenerator(name = "routing_rule_seq", sequenceName = "routing_rule_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "routing_rule_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(length = 1000)
    private String keywords;

    @Column(length = 1000)
    private String places;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected RoutingRule() {
    }

    public RoutingRule(Unit unit, Category category, String keywords, String places, int priority,
                       OffsetDateTime updatedAt) {
        change(unit, category, keywords, places, priority, updatedAt);
    }

    public void change(Unit unit, Category category, String keywords, String places, int priority,
                       OffsetDateTime at) {
        this.unit = unit;
        this.category = category;
        this.keywords = String.join("，", terms(keywords));
        this.places = String.join("，", terms(places));
        this.priority = priority;
        this.updatedAt = at;
    }

    public void deactivate(OffsetDateTime at) {
        this.active = false;
        this.updatedAt = at;
    }

    /** A rule must say something about the message, or it would match everything. */
    public static boolean hasCriterion(Long categoryId, String keywords, String places) {
        return categoryId != null || !terms(keywords).isEmpty() || !terms(places).isEmpty();
    }

    /**
     * Whether the message matches, and why: the first keyword found, else the first place, else the category. Text is
     * compared after NFKC and lower-casing, so full-width letters and case do not matter.
     */
    public Optional<RuleMatch> match(Long messageCategoryId, String title, String body) {
        if (!active) {
            return Optional.empty();
        }
        if (category != null && !java.util.Objects.equals(category.getId(), messageCategoryId)) {
            return Optional.empty();
        }
        String text = normalise((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        List<String> words = terms(keywords);
        List<String> placeNames = terms(places);
        String keyword = null;
        if (!words.isEmpty()) {
            keyword = words.stream().filter(w -> text.contains(normalise(w))).findFirst().orElse(null);
            if (keyword == null) {
                return Optional.empty();
            }
        }
        String place = null;
        if (!placeNames.isEmpty()) {
            place = placeNames.stream().filter(p -> text.contains(normalise(p))).findFirst().orElse(null);
            if (place == null) {
                return Optional.empty();
            }
        }
        if (keyword != null) {
            return Optional.of(new RuleMatch(this, Suggestion.Why.RULE_KEYWORD, keyword));
        }
        if (place != null) {
            return Optional.of(new RuleMatch(this, Suggestion.Why.RULE_PLACE, place));
        }
        if (category != null) {
            return Optional.of(new RuleMatch(this, Suggestion.Why.RULE_CATEGORY, category.getName()));
        }
        return Optional.empty();
    }

    /** How many things the rule asks for: a more specific rule wins a tie in priority. */
    int specificity() {
        return (category != null ? 1 : 0) + (terms(keywords).isEmpty() ? 0 : 1) + (terms(places).isEmpty() ? 0 : 1);
    }

    /** Terms separated by commas (half- or full-width), 、, ; or new lines; blanks dropped. */
    public static List<String> terms(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return Arrays.stream(line.split("[,，、;；\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A rule that matched a message, with the term that made it match. */
    public record RuleMatch(RoutingRule rule, Suggestion.Why why, String term) {
    }

    public Long getId() { return id; }
    public Unit getUnit() { return unit; }
    public Category getCategory() { return category; }
    public String getKeywords() { return keywords; }
    public String getPlaces() { return places; }
    public int getPriority() { return priority; }
    public boolean isActive() { return active; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
