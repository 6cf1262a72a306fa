package org.wenzheng.board.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search window's messages with their words, in memory: a dictionary of tokens, each message's tokens by
 * position (what its search vector holds), and for each token the messages that have it. A search reads the posting
 * list of its rarest token and checks each message there against every term, so a common two-character word among
 * 30,000 messages costs well under a millisecond, with no round trip.
 *
 * <p>Not thread-safe: {@link WindowIndex} reads it under a read lock and changes it under a write lock. A message that
 * leaves (or is written again) leaves a dead slot behind; the slots are compacted when a quarter are dead.
 */
public final class WindowDocs {

    /** One message of the window as search_recent holds it; the lexemes with their positions, from 1. */
    record Doc(long messageId, Instant postedAt, String kind, Long categoryId, Long unitId,
               Map<String, int[]> lexemes) {
    }

    /** The board's filters that the window can apply itself (the public step is not copied into the window). */
    record Filter(String kind, Long categoryId, Long unitId) {
        static final Filter NONE = new Filter(null, null, null);
    }

    /**
     * How many messages match; how many of the newest of them were ranked (at most the limit asked for); and the best
     * of those, best first, as many as asked for.
     */
    public record Matches(int count, int ranked, long[] rankedIds) {
    }

    /** The weight ts_rank_cd gives an unweighted lexeme; kept so both rankings read on the same scale. */
    static final double WEIGHT = 0.1;
    /** Positions PostgreSQL keeps in a tsvector; later words share the last position there too. */
    private static final int MAX_POSITION = 16_383;
    private static final long NO_ID = Long.MIN_VALUE;
    private static final int[] NONE = new int[0];

    private final Map<String, Integer> termIds = new HashMap<>();
    /** Each term's postings, by term id from 1. */
    private Postings[] postings = new Postings[256];
    private int terms = 1;

    private long[] ids = new long[256];
    private long[] postedMicros = new long[256];
    private String[] kinds = new String[256];
    private long[] categories = new long[256];
    private long[] units = new long[256];
    private final BitSet dead = new BitSet();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private int slots;

    /**
     * The slots that hold one term, in increasing order (a slot is never reused before compaction), each with the
     * positions of the term there, kept in one array: a phrase is checked by looking up its other tokens' positions
     * in the same slot (a binary search each), not by reading the message's text.
     */
    private static final class Postings {
        int[] slots = new int[4];
        /** Where each entry's positions begin in {@link #positions}; entry i ends where i + 1 begins. */
        int[] starts = new int[5];
        int[] positions = new int[8];
        int size;

        void add(int slot, int[] at) {
            if (size + 1 >= starts.length) {
                slots = Arrays.copyOf(slots, starts.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            int from = starts[size];
            if (from + at.length > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2, from + at.length));
            }
            System.arraycopy(at, 0, positions, from, at.length);
            slots[size] = slot;
            starts[size + 1] = from + at.length;
            size++;
        }

        /** The entry of the slot, or -1. */
        int find(int slot) {
            int i = Arrays.binarySearch(slots, 0, size, slot);
            return i >= 0 ? i : -1;
        }

        int count(int entry) {
            return starts[entry + 1] - starts[entry];
        }

        boolean has(int entry, int position) {
            return Arrays.binarySearch(positions, starts[entry], starts[entry + 1], position) >= 0;
        }
    }

    int size() {
        return slotOf.size();
    }

    int termCount() {
        return terms - 1;
    }

    /** Adds the message, or replaces what was held for it. */
    void put(Doc doc) {
        remove(doc.messageId());
        int slot = slots++;
        ensureSlots(slots);
        ids[slot] = doc.messageId();
        postedMicros[slot] = micros(doc.postedAt());
        kinds[slot] = doc.kind() == null ? null : doc.kind().intern();
        categories[slot] = doc.categoryId() == null ? NO_ID : doc.categoryId();
        units[slot] = doc.unitId() == null ? NO_ID : doc.unitId();
        for (Map.Entry<String, int[]> lexeme : doc.lexemes().entrySet()) {
            int term = termIds.computeIfAbsent(lexeme.getKey(), k -> terms++);
            if (term >= postings.length) {
                postings = Arrays.copyOf(postings, Math.max(term + 1, postings.length * 2));
            }
            if (postings[term] == null) {
                postings[term] = new Postings();
            }
            postings[term].add(slot, positions(lexeme.getValue()));
        }
        slotOf.put(doc.messageId(), slot);
    }

    /** The positions as a phrase check needs them: from 1 up to PostgreSQL's limit, ascending, each once. */
    private static int[] positions(int[] given) {
        int[] p = given.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(1, Math.min(p[i], MAX_POSITION));
        }
        Arrays.sort(p);
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (n == 0 || p[i] != p[n - 1]) {
                p[n++] = p[i];
            }
        }
        return n == p.length ? p : Arrays.copyOf(p, n);
    }

    /** Forgets the message, if held. */
    void remove(long messageId) {
        Integer slot = slotOf.remove(messageId);
        if (slot != null) {
            dead.set(slot);
        }
        compactIfWorthIt();
    }

    /** Forgets every message posted before the instant: the window's start moved. */
    void removeBefore(Instant start) {
        long limit = micros(start);
        for (int slot = 0; slot < slots; slot++) {
            if (!dead.get(slot) && postedMicros[slot] < limit) {
                slotOf.remove(ids[slot]);
                dead.set(slot);
            }
        }
        compactIfWorthIt();
    }

    /**
     * The messages posted at or after {@code start} that pass the filter and contain every term (a phrase at
     * consecutive positions). When at least {@code minMatches} match, the newest {@code limit} of them are ranked by
     * cover density, as ts_rank_cd does: each shortest stretch of text holding every term adds {@link #WEIGHT}
     * divided by one plus the words in it that are not the terms'; ties go to the newer message, then the higher id.
     * Fewer than {@code minMatches}: only the count, the caller searches elsewhere too.
     */
    Matches search(List<List<String>> query, Filter filter, Instant start, int minMatches, int limit) {
        return search(query, filter, start, minMatches, limit, limit);
    }

    /** As {@link #search(List, Filter, Instant, int, int)}, returning only the best {@code top} of the ranked. */
    Matches search(List<List<String>> query, Filter filter, Instant start, int minMatches, int limit, int top) {
        if (query.isEmpty()) {
            return new Matches(0, 0, new long[0]);
        }
        int[][] grams = new int[query.size()][];
        int driver = 0;
        int driverSize = Integer.MAX_VALUE;
        for (int t = 0; t < query.size(); t++) {
            List<String> term = query.get(t);
            grams[t] = new int[term.size()];
            for (int g = 0; g < term.size(); g++) {
                Integer id = termIds.get(term.get(g));
                if (id == null || postings[id] == null) {
                    return new Matches(0, 0, new long[0]);
                }
                grams[t][g] = id;
                if (postings[id].size < driverSize) {
                    driverSize = postings[id].size;
                    driver = id;
                }
            }
        }
        long from = micros(start);
        int[] candidates = postings[driver].slots;
        int[] matched = new int[Math.min(driverSize, 1024)];
        int count = 0;
        for (int i = 0; i < driverSize; i++) {
            int slot = candidates[i];
            if (dead.get(slot) || postedMicros[slot] < from || !passes(slot, filter)
                    || !containsAll(slot, grams, driver)) {
                continue;
            }
            if (count == matched.length) {
                matched = Arrays.copyOf(matched, count * 2);
            }
            matched[count++] = slot;
        }
        if (count < minMatches) {
            return new Matches(count, 0, new long[0]);
        }
        int[] newest = newest(matched, count, limit);
        double[] score = new double[newest.length];
        for (int i = 0; i < newest.length; i++) {
            score[i] = rank(newest[i], grams);
        }
        int[] best = new Best(newest, score).top(Math.min(top, newest.length));
        long[] ranked = new long[best.length];
        for (int i = 0; i < best.length; i++) {
            ranked[i] = ids[newest[best[i]]];
        }
        return new Matches(count, newest.length, ranked);
    }

    /**
     * The best few of the ranked candidates, by score, then newer, then higher id: a bounded heap of the best seen,
     * the worst of them on top, so a page needs about n log(page) comparisons, not a sort of all candidates.
     */
    private final class Best {
        private final int[] slot;
        private final double[] score;

        Best(int[] slot, double[] score) {
            this.slot = slot;
            this.score = score;
        }

        /** Whether candidate a ranks above candidate b. */
        private boolean better(int a, int b) {
            if (score[a] != score[b]) {
                return score[a] > score[b];
            }
            long pa = postedMicros[slot[a]];
            long pb = postedMicros[slot[b]];
            return pa != pb ? pa > pb : ids[slot[a]] > ids[slot[b]];
        }

        /** The indexes of the best k candidates, best first. */
        int[] top(int k) {
            int[] heap = new int[k];
            int size = 0;
            for (int c = 0; c < score.length && k > 0; c++) {
                if (size < k) {
                    heap[size] = c;
                    up(heap, size++);
                } else if (better(c, heap[0])) {
                    heap[0] = c;
                    down(heap, size);
                }
            }
            // Take the worst off the top one by one: the array fills from the back with the best last out first.
            int[] out = new int[size];
            for (int n = size; n > 0; n--) {
                out[n - 1] = heap[0];
                heap[0] = heap[n - 1];
                down(heap, n - 1);
            }
            return out;
        }

        private void up(int[] heap, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!better(heap[parent], heap[i])) {
                    break;
                }
                swap(heap, i, parent);
                i = parent;
            }
        }

        private void down(int[] heap, int size) {
            int i = 0;
            while (true) {
                int worst = i;
                int l = 2 * i + 1;
                int r = l + 1;
                if (l < size && better(heap[worst], heap[l])) {
                    worst = l;
                }
                if (r < size && better(heap[worst], heap[r])) {
                    worst = r;
                }
                if (worst == i) {
                    return;
                }
                swap(heap, i, worst);
                i = worst;
            }
        }

        private void swap(int[] heap, int i, int j) {
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
    }

    private boolean passes(int slot, Filter filter) {
        return (filter.kind() == null || filter.kind().equals(kinds[slot]))
                && (filter.categoryId() == null || filter.categoryId() == categories[slot])
                && (filter.unitId() == null || filter.unitId() == units[slot]);
    }

    /** Whether the slot holds every term; a term that is the driving token alone holds, the slot is in its list. */
    private boolean containsAll(int slot, int[][] grams, int driver) {
        for (int[] term : grams) {
            if (!(term.length == 1 && term[0] == driver) && occurrences(slot, term, true).length == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the term starts in the slot: the positions of its first token followed by each next token one position
     * on. With {@code firstOnly}, at most one (enough to know it matches).
     */
    private int[] occurrences(int slot, int[] term, boolean firstOnly) {
        Postings first = postings[term[0]];
        int entry = first.find(slot);
        if (entry < 0) {
            return NONE;
        }
        if (term.length == 1) {
            return firstOnly ? new int[]{first.positions[first.starts[entry]]}
                    : Arrays.copyOfRange(first.positions, first.starts[entry], first.starts[entry + 1]);
        }
        int[] others = new int[term.length];
        for (int g = 1; g < term.length; g++) {
            others[g] = postings[term[g]].find(slot);
            if (others[g] < 0) {
                return NONE;
            }
        }
        int[] out = new int[first.count(entry)];
        int n = 0;
        candidates:
        for (int i = first.starts[entry]; i < first.starts[entry + 1]; i++) {
            int p = first.positions[i];
            for (int g = 1; g < term.length; g++) {
                if (!postings[term[g]].has(others[g], p + g)) {
                    continue candidates;
                }
            }
            out[n++] = p;
            if (firstOnly) {
                break;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The newest {@code limit} of the matched slots (posted time, then id, descending), in no particular order: the
     * limit-th newest time found by sorting the times alone, then the slots after it and, of those at it, the
     * highest ids.
     */
    private int[] newest(int[] matched, int count, int limit) {
        if (count <= limit) {
            return Arrays.copyOf(matched, count);
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = postedMicros[matched[i]];
        }
        // Only the limit-th newest time is needed: selecting it is linear, where sorting every match's time was more
        // than half of a common word's search in a profile (5,600 matches for a 1,000 to rank).
        long threshold = kthSmallest(times, count - limit);
        int[] out = new int[limit];
        int n = 0;
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = postedMicros[matched[i]];
            if (t > threshold) {
                out[n++] = matched[i];
            } else if (t == threshold) {
                tied.add(matched[i]);
            }
        }
        // Usually one: more only for messages posted in the same microsecond; the higher id first, as in SQL.
        tied.sort((a, b) -> Long.compare(ids[b], ids[a]));
        for (int i = 0; n < limit; i++) {
            out[n++] = tied.get(i);
        }
        return out;
    }

    /**
     * The value that would be at index {@code k} if {@code a} were sorted ascending (Hoare's selection, median of
     * three, expected linear time). Reorders {@code a}.
     */
    static long kthSmallest(long[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi], and everything strictly between j and i equals the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long median(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    /** Cover density (see {@link #search}); a single term scores {@link #WEIGHT} per occurrence. */
    private double rank(int slot, int[][] grams) {
        if (grams.length == 1) {
            int[] term = grams[0];
            if (term.length == 1) {
                Postings p = postings[term[0]];
                return WEIGHT * p.count(p.find(slot));
            }
            return WEIGHT * occurrences(slot, term, false).length;
        }
        int[][] at = new int[grams.length][];
        int[] lengths = new int[grams.length];
        for (int t = 0; t < grams.length; t++) {
            at[t] = occurrences(slot, grams[t], false);
            lengths[t] = grams[t].length;
        }
        return coverDensity(at, lengths);
    }

    /**
     * The sum, over the shortest stretches that hold an occurrence of every term, of {@link #WEIGHT} over one plus
     * the positions in the stretch that no term's tokens take. {@code at[t]}: where term t starts, ascending;
     * {@code lengths[t]}: its tokens.
     */
    static double coverDensity(int[][] at, int[] lengths) {
        int total = 0;
        int termLength = 0;
        for (int t = 0; t < at.length; t++) {
            total += at[t].length;
            termLength += lengths[t];
        }
        // Every occurrence as (position, term), in text order.
        long[] events = new long[total];
        int e = 0;
        for (int t = 0; t < at.length; t++) {
            for (int p : at[t]) {
                events[e++] = ((long) p << 16) | t;
            }
        }
        Arrays.sort(events);
        int[] seen = new int[at.length];
        int covered = 0;
        int left = 0;
        double score = 0;
        for (int right = 0; right < total; right++) {
            if (seen[(int) (events[right] & 0xFFFF)]++ == 0) {
                covered++;
            }
            while (covered == at.length) {
                int firstTerm = (int) (events[left] & 0xFFFF);
                if (seen[firstTerm] == 1) {
                    // The shortest stretch ending here: from this occurrence to the end of the right one.
                    int lastTerm = (int) (events[right] & 0xFFFF);
                    int span = (int) (events[right] >> 16) + lengths[lastTerm] - (int) (events[left] >> 16);
                    score += WEIGHT / (1 + Math.max(0, span - termLength));
                    covered--;
                }
                seen[firstTerm]--;
                left++;
            }
        }
        return score;
    }

    private void ensureSlots(int n) {
        if (n <= ids.length) {
            return;
        }
        int capacity = Math.max(n, ids.length * 2);
        ids = Arrays.copyOf(ids, capacity);
        postedMicros = Arrays.copyOf(postedMicros, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        categories = Arrays.copyOf(categories, capacity);
        units = Arrays.copyOf(units, capacity);
    }

    /** Packs the live slots to the front and drops the dead ones' postings, when a quarter of the slots is dead. */
    private void compactIfWorthIt() {
        int deadSlots = slots - slotOf.size();
        if (deadSlots < 256 || deadSlots * 4 < slots) {
            return;
        }
        int[] moved = new int[slots];
        int kept = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (dead.get(slot)) {
                moved[slot] = -1;
                continue;
            }
            moved[slot] = kept;
            ids[kept] = ids[slot];
            postedMicros[kept] = postedMicros[slot];
            kinds[kept] = kinds[slot];
            categories[kept] = categories[slot];
            units[kept] = units[slot];
            slotOf.put(ids[kept], kept);
            kept++;
        }
        Arrays.fill(kinds, kept, slots, null);
        slots = kept;
        dead.clear();
        // The postings again without the dead, and the dictionary again without the words no message has now: an
        // instance that runs for months sees ever new numbers and names, and must not keep them all.
        Map<String, Integer> keptIds = new HashMap<>();
        Postings[] keptPostings = new Postings[Math.max(16, termIds.size() + 1)];
        int next = 1;
        for (Map.Entry<String, Integer> term : termIds.entrySet()) {
            Postings old = postings[term.getValue()];
            if (old == null) {
                continue;
            }
            Postings packed = new Postings();
            for (int i = 0; i < old.size; i++) {
                int to = moved[old.slots[i]];
                if (to >= 0) {
                    packed.add(to, Arrays.copyOfRange(old.positions, old.starts[i], old.starts[i + 1]));
                }
            }
            // Slots keep their order, so each list stays ascending.
            if (packed.size > 0) {
                keptIds.put(term.getKey(), next);
                keptPostings[next++] = packed;
            }
        }
        termIds.clear();
        termIds.putAll(keptIds);
        postings = keptPostings;
        terms = next;
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
