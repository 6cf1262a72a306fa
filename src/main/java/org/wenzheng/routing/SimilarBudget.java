package org.wenzheng.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much database time the similar-messages step may still spend on one batch, and what it already found per
 * title query. The step ranks past messages by full-text search, which costs milliseconds per distinct title: on a
 * batch of 60,000 it would dominate gathering. So gathering spends at most a fixed time per batch on it (titles
 * repeated across chunks are looked up once); messages it does not reach get the citizen's choice, and a leader can
 * recompute one message's suggestion without a bound. Not shared between threads except through its own lock.
 */
public final class SimilarBudget {

    /** Remembered queries per batch: beyond this, results are used for the current chunk only. */
    static final int MAX_REMEMBERED = 50_000;
    private static final Optional<Suggestion> NOTHING = Optional.empty();

    private final long limitNanos;
    private long spentNanos;
    private final Map<String, Optional<Suggestion>> answers = new HashMap<>();
    /** Answers beyond {@link #MAX_REMEMBERED}: kept until the caller has read them, see {@link #forget()}. */
    private final Map<String, Optional<Suggestion>> overflow = new HashMap<>();

    private SimilarBudget(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    public static SimilarBudget of(Duration limit) {
        return new SimilarBudget(Math.max(0, limit.toNanos()));
    }

    public static SimilarBudget unlimited() {
        return new SimilarBudget(Long.MAX_VALUE);
    }

    synchronized boolean allowsMore() {
        return spentNanos < limitNanos;
    }

    synchronized void spent(long nanos) {
        spentNanos += nanos;
    }

    synchronized boolean known(String query) {
        return answers.containsKey(query);
    }

    /** Records what a query found ({@code null}: nothing similar). */
    synchronized void remember(String query, Suggestion found) {
        if (answers.size() < MAX_REMEMBERED || answers.containsKey(query)) {
            answers.put(query, Optional.ofNullable(found));
        } else {
            overflow.put(query, Optional.ofNullable(found));
        }
    }

    /** What the query found, if it was looked up and found something. */
    synchronized Optional<Suggestion> answer(String query) {
        Optional<Suggestion> a = answers.get(query);
        if (a == null) {
            a = overflow.getOrDefault(query, NOTHING);
        }
        return a;
    }

    /** Drops the answers kept only for the current chunk. */
    synchronized void forget() {
        overflow.clear();
    }
}
