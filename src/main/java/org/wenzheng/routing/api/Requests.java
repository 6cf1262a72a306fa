package org.wenzheng.routing.api;

import org.wenzheng.handling.ReturnReason;
import org.wenzheng.routing.RoutingRuleService.RuleData;
import org.wenzheng.routing.RoutingViews.RouteCommand;

import java.util.List;

/**
 * The API's request bodies, validated with Jakarta Validation. Their constraints are declared in
 * META-INF/validation/routing-constraints.xml, not as annotations: Payara 6.2025.10's OpenAPI scanner throws on
 * constraint annotations of request types (first on record components, then on plain fields), which breaks /openapi
 * for the whole application.
 */
public final class Requests {

    private Requests() {
    }

    /** A missing body is a 400 like any other invalid input. */
    static <T> T require(T body) {
        if (body == null) {
            throw new org.wenzheng.common.ActionRefused(org.wenzheng.common.ActionRefused.Kind.INVALID,
                    "routing.api.invalid");
        }
        return body;
    }

    /** The leader's decision on one message; {@code version} is the message's version as read. */
    public static class Route {
        public String instruction;
        public Long leadUnitId;
        public List<Long> coUnitIds;
        public boolean urgent;
        public Long version;

        RouteCommand command() {
            return new RouteCommand(instruction, leadUnitId, coUnitIds == null ? List.of() : coUnitIds, urgent,
                    version);
        }
    }

    /** A return: why, in a code and in words; {@code version} is the case's version as read (optional). */
    public static class Return {
        public ReturnReason reason;
        public String text;
        public Long version;
    }

    /** A routing rule; {@code active: false} on PUT deactivates it; {@code version} as read (PUT). */
    public static class Rule {
        public Long unitId;
        public Long categoryId;
        public String keywords;
        public String places;
        public int priority;
        public Boolean active;
        public Long version;

        RuleData data(Long id) {
            return new RuleData(id, unitId, null, categoryId, null, keywords, places, priority,
                    active == null || active, version);
        }
    }
}
