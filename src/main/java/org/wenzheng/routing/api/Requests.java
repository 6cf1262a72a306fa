package org.wenzheng.routing.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.wenzheng.handling.ReturnReason;
import org.wenzheng.routing.RoutingRuleService.RuleData;
import org.wenzheng.routing.RoutingViews.RouteCommand;

import java.util.List;

/**
 * The API's request bodies, validated with Jakarta Validation. Classes with public fields rather than records:
 * Payara's OpenAPI scanner fails on constraints on constructor parameters (where record components put them), which
 * would break /openapi for the whole application.
 */
public final class Requests {

    private Requests() {
    }

    /** A missing body is a 400 like any other invalid input. */
    static <T> T require(T body) {
        if (body == null) {
            throw new org.wenzheng.handling.ActionRefused(org.wenzheng.handling.ActionRefused.Kind.INVALID,
                    "routing.api.invalid");
        }
        return body;
    }

    /** The leader's decision on one message; {@code version} is the message's version as read. */
    public static class Route {
        @NotBlank
        @Size(max = 2000)
        public String instruction;
        @NotNull
        public Long leadUnitId;
        @Size(max = 20)
        public List<Long> coUnitIds;
        public boolean urgent;
        @NotNull
        public Long version;

        RouteCommand command() {
            return new RouteCommand(instruction, leadUnitId, coUnitIds == null ? List.of() : coUnitIds, urgent,
                    version);
        }
    }

    /** A return: why, in a code and in words; {@code version} is the case's version as read (optional). */
    public static class Return {
        @NotNull
        public ReturnReason reason;
        @NotBlank
        @Size(max = 1000)
        public String text;
        public Long version;
    }

    /** A routing rule; {@code active: false} on PUT deactivates it; {@code version} as read (PUT). */
    public static class Rule {
        @NotNull
        public Long unitId;
        public Long categoryId;
        @Size(max = 1000)
        public String keywords;
        @Size(max = 1000)
        public String places;
        @Min(-1000)
        @Max(1000)
        public int priority;
        public Boolean active;
        public Long version;

        RuleData data(Long id) {
            return new RuleData(id, unitId, null, categoryId, null, keywords, places, priority,
                    active == null || active, version);
        }
    }
}
