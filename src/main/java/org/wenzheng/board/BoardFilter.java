package org.wenzheng.board;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a reader asked the board for: optional kind, topic, unit and public step, an optional search text, and a
 * page. Built from untrusted URL parameters by {@link #parse}: anything that does not parse is simply no filter, so a
 * hand-edited URL shows the plain board rather than an error. Pages are bounded (see {@link #MAX_PAGE}).
 */
public record BoardFilter(MessageKind kind, Long categoryId, Long unitId, Integer step, String q, int page) {

    /**
     * The last page number (from 0) anyone can ask for. Offset paging costs more the deeper it goes; 100 pages of 20
     * are 2,000 messages, far more than anyone reads page by page. Older messages are found with filters or search.
     */
    public static final int MAX_PAGE = 99;
    /** Longest search text kept; the tokenizer reads at most 100 code points anyway. */
    public static final int MAX_QUERY_LENGTH = 100;

    public static final BoardFilter NONE = new BoardFilter(null, null, null, null, null, 0);

    public BoardFilter {
        page = Math.max(0, Math.min(page, MAX_PAGE));
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            q = q.substring(0, Character.isHighSurrogate(q.charAt(MAX_QUERY_LENGTH - 1))
                    ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH);
        }
        if (step != null && (step < 1 || step > 5)) {
            step = null;
        }
    }

    /** Reads URL parameters; null, empty or malformed values mean "no filter", a bad page means the first. */
    public static BoardFilter parse(String kind, String topic, String unit, String step, String q, String page) {
        return new BoardFilter(parseKind(kind), parseId(topic), parseId(unit), parseInt(step), q,
                page == null ? 0 : orZero(parseInt(page)));
    }

    public static MessageKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equalsIgnoreCase(kind.strip())) {
                return k;
            }
        }
        return null;
    }

    /** A positive id, or null for anything else. */
    public static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An int, or null for anything else. */
    public static Integer parseInt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public boolean isSearch() {
        return q != null;
    }

    public boolean hasFilters() {
        return kind != null || categoryId != null || unitId != null || step != null;
    }

    public BoardFilter withPage(int newPage) {
        return new BoardFilter(kind, categoryId, unitId, step, q, newPage);
    }

    /** The URL parameters of this filter and the given page, encoded, without the leading '?'; empty ones left out. */
    public String queryString(int forPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("kind", kind == null ? null : kind.name());
        params.put("topic", categoryId == null ? null : categoryId.toString());
        params.put("unit", unitId == null ? null : unitId.toString());
        params.put("step", step == null ? null : step.toString());
        int p = Math.max(0, Math.min(forPage, MAX_PAGE));
        params.put("page", p == 0 ? null : Integer.toString(p));
        StringJoiner out = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null) {
                out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
