package org.wenzheng.intake;

import org.wenzheng.board.search.SearchTokenizer;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OR tsquery of a message's own search tokens (2-grams, jieba words, letter/digit words), to find similar
 * messages through the same GIN-indexed search vector as the board's search and rank them with ts_rank: messages
 * sharing more of the text rank higher. Title tokens come first and the query is capped at {@value #MAX_TERMS}
 * terms so that a long text cannot make an unbounded query; single characters are left out (too common to mean
 * anything on their own).
 */
public final class DuplicateQuery {

    static final int MAX_TERMS = 48;
    /** SearchTokenizer only writes letters and digits into tokens; checked again so the query stays well-formed. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]{2,}");

    private DuplicateQuery() {
    }

    public static Optional<String> of(SearchTokenizer tokenizer, String title, String body) {
        Set<String> terms = new LinkedHashSet<>();
        for (String token : tokenizer.indexText(title, body).split(" ")) {
            if (TOKEN.matcher(token).matches()) {
                terms.add(token);
                if (terms.size() == MAX_TERMS) {
                    break;
                }
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" | ", terms));
    }
}
