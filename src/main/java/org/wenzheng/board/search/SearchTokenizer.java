package org.wenzheng.board.search;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns message text and search input into tokens for PostgreSQL full-text search with the
 * {@code simple} configuration, which only splits on spaces and lower-cases: the segmentation of
 * Chinese happens here, in Java. Stateless and thread-safe; share one instance.
 *
 * <h2>Use with SQL</h2>
 * <pre>{@code
 * ALTER TABLE message ADD COLUMN search_vector tsvector;
 * CREATE INDEX message_search_idx ON message USING gin (search_vector);
 *
 * -- on insert and update, :indexText = indexText(title, text)
 * UPDATE message SET search_vector = to_tsvector('simple', :indexText) WHERE id = :id;
 *
 * -- search, :q = tsQuery(input).get(); when it is empty, do not query at all
 * SELECT m.id, ts_rank_cd(m.search_vector, q) AS rank
 *   FROM message m, to_tsquery('simple', :q) q
 *  WHERE m.search_vector @@ q
 *  ORDER BY rank DESC, m.id DESC
 *  LIMIT 20;
 * }</pre>
 * Keep the positions in the vector (never {@code strip()} it): Chinese queries are phrase queries.
 * To rank title hits higher, store
 * {@code setweight(to_tsvector('simple', :titleTokens), 'A') || to_tsvector('simple', :textTokens)}
 * with each part from its own {@link #indexText} call.
 *
 * <h2>Token scheme</h2>
 * Text is normalised (NFKC, which also folds full-width forms, then lower case) and split into runs
 * of CJK characters (Han, kana) and runs of other letters and digits; everything else separates
 * runs and is dropped, except marks and format characters (zero-width space, variation selectors)
 * which are ignored so they cannot split a word. Tokens are therefore made of letters and digits
 * only: characters special to tsvector or tsquery syntax are stripped, never quoted.
 * <ul>
 * <li>A CJK run of n characters gives its n-1 overlapping 2-grams in order, at consecutive
 * positions, then its last character, then the words of three or more characters that jieba finds
 * in it. A query run of two or more characters becomes its 2-grams joined by {@code <->}, which
 * matches exactly where the run occurs in the text, whatever jieba makes of either side.
 * A one-character query {@code 车} becomes the prefix query {@code 车:*}: every occurrence of a
 * character starts a 2-gram or is the last of its run, so this finds all of them, without indexing
 * every single character (which would roughly double the token count for the rare, imprecise
 * one-character search). The jieba words never decide a match (their 2-grams are there too); they
 * are kept because they are few and give {@code ts_stat} and later ranking real words.</li>
 * <li>A run of letters and digits gives the word; if it mixes letters and digits it also gives
 * the parts, so {@code iphone15} is found by {@code iphone} and by {@code 15}.</li>
 * </ul>
 */
public final class SearchTokenizer {

    /** Indexed code points per call: a title plus a 2,000-character text, with room to spare. */
    public static final int MAX_INDEX_CODE_POINTS = 4_000;
    /** Query code points; the rest is ignored. */
    public static final int MAX_QUERY_CODE_POINTS = 100;
    /** Longest letter/digit token, far below PostgreSQL's 2,047-byte limit for a lexeme. */
    static final int MAX_WORD_CODE_POINTS = 64;
    /** Shorter jieba words add nothing: 2-character words are 2-grams, single characters are covered by prefixes. */
    private static final int MIN_JIEBA_WORD = 3;

    private static final Logger LOG = Logger.getLogger(SearchTokenizer.class.getName());

    /** Loads jieba's 5 MB dictionary on first use, once per JVM; that took 1.3-1.9 s here, hence {@link #preload()}. */
    private static final class Jieba {
        static final JiebaSegmenter SEGMENTER;

        static {
            long start = System.nanoTime();
            SEGMENTER = new JiebaSegmenter();
            LOG.info(() -> "jieba dictionary loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }

        private Jieba() {
        }
    }

    /**
     * Loads the jieba dictionary now, e.g. at application start, rather than in the first request
     * that indexes text. {@link #tsQuery} never needs it.
     */
    public static void preload() {
        Objects.requireNonNull(Jieba.SEGMENTER);
    }

    /**
     * The tokens of the given fields (e.g. title, text), separated by spaces, for
     * {@code to_tsvector('simple', ?)}. Null fields are skipped; at most
     * {@value #MAX_INDEX_CODE_POINTS} code points are read, earlier fields first.
     */
    public String indexText(String... fields) {
        StringBuilder out = new StringBuilder();
        if (fields == null) {
            return "";
        }
        int budget = MAX_INDEX_CODE_POINTS;
        for (String field : fields) {
            if (field == null || budget <= 0) {
                continue;
            }
            String text = truncate(field, budget);
            budget -= text.codePointCount(0, text.length());
            for (Run run : runs(normalise(text))) {
                if (run.cjk()) {
                    indexCjk(run.text(), out);
                } else {
                    indexWord(run.text(), out);
                }
            }
        }
        return out.toString().stripTrailing();
    }

    /**
     * A query for {@code to_tsquery('simple', ?)} that requires every word of the input, or empty
     * if the input has no letters or digits. Only letters, digits and the operators this method
     * writes itself ({@code &}, {@code <->}, {@code :*}, parentheses) can appear in it.
     */
    public Optional<String> tsQuery(String userQuery) {
        return tsQuery(queryTerms(userQuery));
    }

    /** The {@code to_tsquery('simple', ?)} text of terms from {@link #queryTerms}, or empty for none. */
    public static Optional<String> tsQuery(List<QueryTerm> terms) {
        List<String> parts = new ArrayList<>();
        for (QueryTerm term : terms) {
            if (term.prefix()) {
                parts.add(term.grams().get(0) + ":*");
            } else if (term.grams().size() == 1) {
                parts.add(term.grams().get(0));
            } else {
                parts.add("(" + String.join(" <-> ", term.grams()) + ")");
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" & ", parts));
    }

    /**
     * The terms a search requires, all of them, in the order given and without repeats; empty if the input has no
     * letters or digits. The same query as {@link #tsQuery}, for code that matches without PostgreSQL (the search
     * window kept in memory).
     */
    public List<QueryTerm> queryTerms(String userQuery) {
        if (userQuery == null) {
            return List.of();
        }
        Set<QueryTerm> terms = new LinkedHashSet<>();
        for (Run run : runs(normalise(truncate(userQuery, MAX_QUERY_CODE_POINTS)))) {
            if (!run.cjk()) {
                terms.add(new QueryTerm(List.of(run.text()), false));
                continue;
            }
            int[] cps = run.text().codePoints().toArray();
            if (cps.length == 1) {
                terms.add(new QueryTerm(List.of(run.text()), true));
            } else {
                List<String> grams = new ArrayList<>();
                for (int i = 0; i + 1 < cps.length; i++) {
                    grams.add(new String(cps, i, 2));
                }
                terms.add(new QueryTerm(List.copyOf(grams), false));
            }
        }
        return List.copyOf(terms);
    }

    /**
     * One required term of a query: a single token, a phrase of 2-grams that must stand at consecutive positions, or
     * (one CJK character) a prefix of tokens.
     */
    public record QueryTerm(List<String> grams, boolean prefix) {
    }

    private static void indexCjk(String run, StringBuilder out) {
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.appendCodePoint(cps[i]).appendCodePoint(cps[i + 1]).append(' ');
        }
        out.appendCodePoint(cps[cps.length - 1]).append(' ');
        // jieba only knows U+4E00..U+9FA5 and works on chars, so it only sees such stretches: never a surrogate.
        int start = -1;
        for (int i = 0; i <= run.length(); i++) {
            boolean known = i < run.length() && run.charAt(i) >= '\u4E00' && run.charAt(i) <= '\u9FA5';
            if (known && start < 0) {
                start = i;
            } else if (!known && start >= 0) {
                if (i - start >= MIN_JIEBA_WORD) {
                    String stretch = run.substring(start, i);
                    for (SegToken token : Jieba.SEGMENTER.process(stretch, JiebaSegmenter.SegMode.SEARCH)) {
                        if (token.word.length() >= MIN_JIEBA_WORD) {
                            out.append(token.word).append(' ');
                        }
                    }
                }
                start = -1;
            }
        }
    }

    private static void indexWord(String word, StringBuilder out) {
        out.append(word).append(' ');
        // Split "iphone15" into "iphone" and "15", only when it mixes letters and digits.
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next < word.length() && Character.isDigit(cp) != Character.isDigit(word.codePointAt(next))) {
                parts.add(word.substring(start, next));
                start = next;
            }
            i = next;
        }
        if (!parts.isEmpty()) {
            parts.add(word.substring(start));
            parts.forEach(part -> out.append(part).append(' '));
        }
    }

    private record Run(String text, boolean cjk) {
    }

    private enum Kind { CJK, WORD, IGNORED, SEPARATOR }

    /** Maximal runs of CJK characters and of other letters/digits, words cut to {@value #MAX_WORD_CODE_POINTS}. */
    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Kind currentKind = Kind.SEPARATOR;
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Kind kind = kind(cp);
            if (kind == Kind.IGNORED) {
                continue;
            }
            if (kind != currentKind) {
                flush(current, currentKind, runs);
                currentKind = kind;
                length = 0;
            }
            if (kind != Kind.SEPARATOR && (kind == Kind.CJK || length < MAX_WORD_CODE_POINTS)) {
                current.appendCodePoint(cp);
                length++;
            }
        }
        flush(current, currentKind, runs);
        return runs;
    }

    private static void flush(StringBuilder current, Kind kind, List<Run> runs) {
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), kind == Kind.CJK));
            current.setLength(0);
        }
    }

    private static Kind kind(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.FORMAT:
                return Kind.IGNORED;
            case Character.LETTER_NUMBER: // 〇 as in 二〇二四
                break;
            default:
                if (!Character.isLetterOrDigit(cp)) {
                    return Kind.SEPARATOR;
                }
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA ? Kind.CJK : Kind.WORD;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Cuts at a code point boundary, so a surrogate pair is never halved. */
    private static String truncate(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }
}
