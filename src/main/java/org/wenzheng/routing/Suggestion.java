package org.wenzheng.routing;

import org.wenzheng.common.web.Texts;

import java.util.Locale;

/**
 * A suggested lead unit and why: a routing rule, where similar past messages went, or the unit the citizen chose.
 *
 * @param detail the matched keyword, place or category for a rule; the number of similar messages for SIMILAR
 */
public record Suggestion(Long unitId, String unitName, Why why, String detail) {

    /** Why a unit is suggested; each has a text routing.why.NAME in the bundles. */
    public enum Why {
        RULE_KEYWORD, RULE_PLACE, RULE_CATEGORY, SIMILAR, CITIZEN
    }

    /** E.g. "规则：关键词“噪音”" or "相似留言多由城市管理局办理（3 件）". */
    public String reason(Locale locale) {
        return Texts.get(locale, "routing.why." + why.name(), detail, unitName);
    }

    public boolean fromRule() {
        return why == Why.RULE_KEYWORD || why == Why.RULE_PLACE || why == Why.RULE_CATEGORY;
    }
}
