package org.wenzheng.routing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Category;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The administrator keeps the routing rules: list, add, change, deactivate. */
@Stateless
@RolesAllowed(Role.ADMIN)
public class RoutingRuleService {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** A rule as shown and edited; {@code version} is null for a new rule. */
    public record RuleData(Long id, Long unitId, String unitName, Long categoryId, String categoryName,
                           String keywords, String places, int priority, boolean active, Long version) {
    }

    static final int MAX_TERMS_LENGTH = 1000;
    static final int MAX_PRIORITY = 1000;

    /** Active rules first, then by priority. */
    public List<RuleData> rules() {
        return em.createQuery("""
                        select r from RoutingRule r join fetch r.unit left join fetch r.category
                        order by r.active desc, r.priority desc, r.id""", RoutingRule.class)
                .setMaxResults(2000).getResultList().stream().map(RoutingRuleService::data).toList();
    }

    public RuleData rule(Long id) {
        return data(find(id));
    }

    public List<Category> categories() {
        return em.createQuery("select c from Category c where c.active = true order by c.sortOrder, c.id",
                Category.class).setMaxResults(500).getResultList();
    }

    /** Adds a rule (id null) or changes one (id and the version the administrator saw). */
    public RuleData save(RuleData in) {
        if (length(in.keywords()) > MAX_TERMS_LENGTH || length(in.places()) > MAX_TERMS_LENGTH
                || Math.abs(in.priority()) > MAX_PRIORITY) {
            throw new ActionRefused(Kind.INVALID, "routing.rule.error.tooLong", String.valueOf(MAX_TERMS_LENGTH),
                    String.valueOf(MAX_PRIORITY));
        }
        if (!RoutingRule.hasCriterion(in.categoryId(), in.keywords(), in.places())) {
            throw new ActionRefused(Kind.INVALID, "routing.rule.error.noCriterion");
        }
        Unit unit = in.unitId() == null ? null : em.find(Unit.class, in.unitId());
        if (unit == null || !unit.isActive()) {
            throw new ActionRefused(Kind.INVALID, "routing.error.unit");
        }
        Category category = null;
        if (in.categoryId() != null) {
            category = em.find(Category.class, in.categoryId());
            if (category == null) {
                throw new ActionRefused(Kind.INVALID, "routing.rule.error.category");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        RoutingRule rule;
        if (in.id() == null) {
            rule = new RoutingRule(unit, category, in.keywords(), in.places(), in.priority(), now);
            em.persist(rule);
        } else {
            rule = find(in.id());
            if (in.version() != null && in.version() != rule.getVersion()) {
                throw new ActionRefused(Kind.CONFLICT, "routing.rule.error.changed");
            }
            rule.change(unit, category, in.keywords(), in.places(), in.priority(), now);
            if (!in.active() && rule.isActive()) {
                rule.deactivate(now);
            }
        }
        flush();
        audit.record(ctx.getCallerPrincipal().getName(), Role.ADMIN, in.id() == null ? "RULE_ADDED" : "RULE_CHANGED",
                "routing_rule", rule.getId(), null, "{\"unit\":" + unit.getId() + ",\"priority\":"
                        + rule.getPriority() + "}");
        return data(rule);
    }

    public RuleData deactivate(Long id) {
        RoutingRule rule = find(id);
        rule.deactivate(OffsetDateTime.now(clock));
        audit.record(ctx.getCallerPrincipal().getName(), Role.ADMIN, "RULE_DEACTIVATED", "routing_rule",
                rule.getId(), null, null);
        flush();
        return data(rule);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private RoutingRule find(Long id) {
        RoutingRule rule = id == null ? null : em.find(RoutingRule.class, id);
        if (rule == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "routing.rule.error.notFound");
        }
        return rule;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "routing.rule.error.changed");
        }
    }

    private static RuleData data(RoutingRule r) {
        return new RuleData(r.getId(), r.getUnit().getId(), r.getUnit().getName(),
                r.getCategory() == null ? null : r.getCategory().getId(),
                r.getCategory() == null ? null : r.getCategory().getName(), r.getKeywords(), r.getPlaces(),
                r.getPriority(), r.isActive(), r.getVersion());
    }
}
