package org.wenzheng.board.search;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowDocsTest {

    private static final SearchTokenizer TOKENIZER = new SearchTokenizer();
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EARLY = T0.minusSeconds(86_400 * 365);

    private final WindowDocs docs = new WindowDocs();

    /** The vector PostgreSQL makes of indexText with the simple configuration: each token at the next position. */
    static Map<String, int[]> vector(String title, String text) {
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        String[] tokens = TOKENIZER.indexText(title, text).split(" ");
        for (int i = 0; i < tokens.length; i++) {
            at.computeIfAbsent(tokens[i], k -> new ArrayList<>()).add(i + 1);
        }
        Map<String, int[]> out = new HashMap<>();
        at.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private void put(long id, int minutes, String text) {
        put(id, minutes, "QUESTION", 1L, 10L, text);
    }

    private void put(long id, int minutes, String kind, Long category, Long unit, String text) {
        docs.put(new WindowDocs.Doc(id, T0.plusSeconds(60L * minutes), kind, category, unit, vector(null, text)));
    }

    private long[] search(String q) {
        return search(q, WindowDocs.Filter.NONE);
    }

    private long[] search(String q, WindowDocs.Filter filter) {
        return docs.search(query(q), filter, EARLY, 0, 1000).rankedIds();
    }

    private static List<List<String>> query(String q) {
        return TOKENIZER.queryTerms(q).stream().map(SearchTokenizer.QueryTerm::grams).toList();
    }

    private static long[] ids(long... ids) {
        return ids;
    }

    @Test
    void selectingTheKthSmallestTimeAgreesWithSortingWithManyTiesAndSortedRuns() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(3000);
            long[] a = new long[n];
            int shape = round % 3;
            for (int i = 0; i < n; i++) {
                // Random, few distinct values (many ties, as messages posted in the same second), or already ascending.
                a[i] = shape == 0 ? random.nextLong() : shape == 1 ? random.nextInt(5) : i * 7L;
            }
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertEquals(sorted[k], WindowDocs.kthSmallest(a.clone(), k), "round " + round + ", n " + n + ", k " + k);
        }
    }

    @Test
    void findsTwoCharacterWordsWhereverTheyStand() {
        put(1, 0, "楼下夜间施工噪音很大");
        put(2, 1, "噪音扰民");
        put(3, 2, "停车难的问题");
        assertEquals(2, docs.search(query("噪音"), WindowDocs.Filter.NONE, EARLY, 0, 1000).count());
        // Equal rank: the newer first.
        assertArrayEquals(ids(2, 1), search("噪音"));
        assertArrayEquals(ids(3), search("停车"));
        assertArrayEquals(ids(), search("拆迁"));
    }

    @Test
    void aPhraseMustStandTogether() {
        put(1, 0, "停车收费太贵");
        put(2, 1, "收费停车场");
        put(3, 2, "停车场离这里很远，还要收费");
        assertArrayEquals(ids(1), search("停车收费"));
        // Two words: both anywhere, the closer first. In 停车收费 the 2-gram 车收 stands between them, in 收费停车 the
        // 2-gram 费停: one position between, as PostgreSQL counts them; 1 and 2 tie, the newer first.
        assertArrayEquals(ids(2, 1, 3), search("停车 收费"));
    }

    @Test
    void mixedScriptsAndDigits() {
        put(1, 0, "G107国道iPhone15维修");
        put(2, 1, "iphone 售后");
        assertArrayEquals(ids(1), search("g107 国道"));
        assertArrayEquals(ids(2, 1), search("iPhone"));
        assertArrayEquals(ids(1), search("15"));
    }

    @Test
    void moreOccurrencesRankHigher() {
        put(1, 0, "垃圾");
        put(2, 1, "垃圾分类，垃圾清运，垃圾站");
        put(3, 2, "垃圾桶");
        assertArrayEquals(ids(2, 3, 1), search("垃圾"));
    }

    @Test
    void coverDensityOfAdjacentAndDistantTerms() {
        assertEquals(0.1, WindowDocs.coverDensity(new int[][]{{1}, {2}}, new int[]{1, 1}), 1e-9);
        // Two positions between them: a tenth divided by three.
        assertEquals(0.1 / 3, WindowDocs.coverDensity(new int[][]{{1}, {4}}, new int[]{1, 1}), 1e-9);
        // Two covers: (1,2) and (2,5)... the shortest stretches ending at each occurrence.
        assertEquals(0.1 + 0.1 / 3, WindowDocs.coverDensity(new int[][]{{1, 5}, {2}}, new int[]{1, 1}), 1e-9);
        // A phrase of three tokens right after a word: no gap.
        assertEquals(0.1, WindowDocs.coverDensity(new int[][]{{1}, {2}}, new int[]{1, 3}), 1e-9);
    }

    @Test
    void filtersAndTheWindowStart() {
        put(1, 0, "QUESTION", 1L, 10L, "电梯故障");
        put(2, 1, "COMPLAINT", 1L, 11L, "电梯故障");
        put(3, 2, "COMPLAINT", 2L, null, "电梯故障");
        assertArrayEquals(ids(3, 2), search("电梯", new WindowDocs.Filter("COMPLAINT", null, null)));
        assertArrayEquals(ids(2, 1), search("电梯", new WindowDocs.Filter(null, 1L, null)));
        assertArrayEquals(ids(2), search("电梯", new WindowDocs.Filter(null, null, 11L)));
        assertArrayEquals(ids(3, 2), docs.search(query("电梯"), WindowDocs.Filter.NONE, T0.plusSeconds(60), 0, 1000)
                .rankedIds());
    }

    @Test
    void tooFewMatchesGiveTheCountOnly() {
        put(1, 0, "物业费");
        put(2, 1, "物业管理");
        WindowDocs.Matches few = docs.search(query("物业"), WindowDocs.Filter.NONE, EARLY, 3, 1000);
        assertEquals(2, few.count());
        assertEquals(0, few.rankedIds().length);
    }

    @Test
    void onlyTheNewestAreRankedTheHigherIdFirstAtTheSameTime() {
        for (long id = 1; id <= 50; id++) {
            // Ids 41-50 share the newest minute; ids 1-40 are older, one a minute.
            put(id, id > 40 ? 100 : (int) id, id % 2 == 0 ? "供暖不热，供暖" : "供暖");
        }
        WindowDocs.Matches m = docs.search(query("供暖"), WindowDocs.Filter.NONE, EARLY, 0, 12);
        assertEquals(50, m.count());
        long[] sorted = m.rankedIds().clone();
        Arrays.sort(sorted);
        // The twelve newest: the ten of the last minute, then 40 and 39.
        assertArrayEquals(LongStream.rangeClosed(39, 50).toArray(), sorted);
        // Two occurrences first, newest (then highest id) first within each score.
        assertArrayEquals(ids(50, 48, 46, 44, 42, 40, 49, 47, 45, 43, 41, 39), m.rankedIds());
        assertEquals(12, m.ranked());
        // A page needs only the best few of the ranked: the same, cut short.
        WindowDocs.Matches first = docs.search(query("供暖"), WindowDocs.Filter.NONE, EARLY, 0, 12, 7);
        assertArrayEquals(ids(50, 48, 46, 44, 42, 40, 49), first.rankedIds());
        assertEquals(12, first.ranked());
        assertEquals(50, first.count());
    }

    @Test
    void aMessageWrittenAgainOrRemovedIsSeenAsItIsNow() {
        put(1, 0, "拆迁补偿");
        put(1, 0, "道路维修");
        assertArrayEquals(ids(), search("拆迁"));
        assertArrayEquals(ids(1), search("维修"));
        docs.remove(1);
        assertArrayEquals(ids(), search("维修"));
        assertEquals(0, docs.size());
    }

    @Test
    void compactionForgetsWordsNoMessageHasAnyMore() {
        for (long id = 1; id <= 400; id++) {
            put(id, (int) id, "编号" + id + "的井盖");
        }
        int words = docs.termCount();
        docs.removeBefore(T0.plusSeconds(60L * 301));
        assertEquals(100, docs.size());
        assertTrue(docs.termCount() < words - 250, "the numbers of the 300 removed are forgotten: " + docs.termCount());
        assertArrayEquals(ids(350), search("350"));
        assertArrayEquals(ids(), search("250"));
        assertEquals(100, search("井盖").length);
        put(1000, 1000, "编号250的井盖");
        assertArrayEquals(ids(1000), search("250"));
    }

    @Test
    void compactionKeepsWhatIsLeft() {
        for (long id = 1; id <= 2000; id++) {
            put(id, (int) id, id % 3 == 0 ? "路灯不亮" : "井盖丢失");
        }
        // Drops the first 1,500 minutes: three quarters dead, compacted on the way.
        docs.removeBefore(T0.plusSeconds(60L * 1501));
        for (long id = 1; id <= 1000; id += 7) {
            docs.remove(id);
        }
        assertEquals(500, docs.size());
        long[] found = search("路灯");
        assertEquals(LongStream.rangeClosed(1501, 2000).filter(id -> id % 3 == 0).count(), found.length);
        assertTrue(Arrays.stream(found).allMatch(id -> id >= 1501 && id % 3 == 0));
        put(3000, 3000, "路灯");
        // Same score as the others (one occurrence), and the newest: first.
        assertEquals(3000, search("路灯")[0]);
        assertEquals(found.length + 1, search("路灯").length);
    }
}
