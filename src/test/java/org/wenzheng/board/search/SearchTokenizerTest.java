package org.wenzheng.board.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTokenizerTest {

    private final SearchTokenizer tokenizer = new SearchTokenizer();

    /** Letters and digits only (Nl for 〇): nothing that tsvector/tsquery syntax treats specially. */
    private static final String TOKEN = "[\\p{L}\\p{Nd}\\p{Nl}]+";
    /** The only shapes tsQuery may produce: words, prefixes, phrases of words, joined by &. */
    private static final Pattern SAFE_QUERY = Pattern.compile(
            "(?:" + TOKEN + "(?::\\*)?|\\(" + TOKEN + "(?: <-> " + TOKEN + ")+\\))"
                    + "(?: & (?:" + TOKEN + "(?::\\*)?|\\(" + TOKEN + "(?: <-> " + TOKEN + ")+\\)))*");

    private List<String> tokens(String... fields) {
        String text = tokenizer.indexText(fields);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    /**
     * What {@code to_tsvector('simple', indexText) @@ to_tsquery('simple', query)} answers for the
     * shapes tsQuery produces; checked by hand against PostgreSQL 15, where each token is one lexeme
     * at the next position.
     */
    private static boolean matches(List<String> tokens, String query) {
        for (String term : query.split(" & ")) {
            boolean found;
            if (term.startsWith("(")) {
                List<String> phrase = Arrays.asList(term.substring(1, term.length() - 1).split(" <-> "));
                found = false;
                for (int i = 0; i + phrase.size() <= tokens.size() && !found; i++) {
                    found = tokens.subList(i, i + phrase.size()).equals(phrase);
                }
            } else if (term.endsWith(":*")) {
                String prefix = term.substring(0, term.length() - 2);
                found = tokens.stream().anyMatch(t -> t.startsWith(prefix));
            } else {
                found = tokens.contains(term);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean search(String text, String query) {
        return matches(tokens(text), tokenizer.tsQuery(query).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "楼下KTV噪音扰民到半夜,  噪音",
            "噪音,                    噪音",
            "晚上太噪音。,            噪音",
            "小区停车位严重不足,      停车",
            "停车难,                  停车",
            "强制拆迁补偿不到位,      拆迁",
            "关于老城区拆迁的问题,    拆迁",
    })
    void twoCharacterWordsAreIndexTokensAndTheirOwnQuery(String text, String word) {
        assertTrue(tokens(text).contains(word), () -> tokens(text).toString());
        assertEquals(Optional.of(word), tokenizer.tsQuery(word));
    }

    @Test
    void fourCharacterQueryIsAPhraseOfGramsFoundInTheIndexedText() {
        assertEquals(Optional.of("(停车 <-> 车收 <-> 收费)"), tokenizer.tsQuery("停车收费"));
        List<String> tokens = tokens("小区停车收费太贵了");
        assertTrue(tokens.containsAll(List.of("停车", "车收", "收费")), tokens::toString);
        assertTrue(matches(tokens, "(停车 <-> 车收 <-> 收费)"));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "小区停车收费太贵了,               停车收费,   true",
            "停车收费停车场收费不公开,         停车场,     true",
            "停车、收费都不合理,               停车收费,   false",
            "北京南站附近噪音扰民,             北京南站,   true",
            "北京南路堵车，广州南站人多,       北京南站,   false",
            "中华人民共和国成立七十周年,       人民共和,   true",
            "小区停车收费太贵了,               车,         true",
            "小区停车收费太贵了,               了,         true",
            "楼下车位不够,                     车,         true",
            "小区停车收费太贵了,               电,         false",
            "G107国道 iPhone15 噪音扰民,       g107国道,   true",
            "G107国道 iPhone15 噪音扰民,       iphone 15,  true",
            "G107国道 iPhone15 噪音扰民,       IPHONE15,   true",
            "G107国道 iPhone15 噪音扰民,       噪音 iphone16, false",
            "3号楼漏水严重,                    3号楼,      true",
            "二〇二四年三号楼漏水,             二〇二四,   true",
            "楼下噪\u200B音扰民,               噪音,       true",
    })
    void searchMatchesWhatItShould(String text, String query, boolean expected) {
        assertEquals(expected, search(text, query));
    }

    @Test
    void mixedChineseEnglishDigits() {
        assertEquals(List.of("g107", "g", "107", "国道", "道", "iphone15", "iphone", "15",
                        "噪音", "音扰", "扰民", "民"),
                tokens("G107国道 iPhone15 噪音扰民"));
        assertEquals(Optional.of("g107 & 国道 & iphone15"), tokenizer.tsQuery("G107国道，iPhone15"));
    }

    @Test
    void jiebaAddsWordsOfThreeOrMoreCharacters() {
        List<String> tokens = tokens("中华人民共和国成立");
        assertTrue(tokens.contains("中华人民共和国"), tokens::toString);
        assertEquals(List.of("中华", "华人", "人民", "民共", "共和", "和国", "国成", "成立", "立"),
                tokens.subList(0, 9), "2-grams first, at consecutive positions, then the last character");
    }

    @ParameterizedTest
    @CsvSource({
            "ＡＢＣ１２３,  abc123",
            "ABC123,        abc123",
            "ｉＰｈｏｎｅ,  iphone",
    })
    void normalisesFullWidthAndCase(String input, String expected) {
        assertEquals(expected, tokens(input).get(0));
        assertEquals(Optional.of(expected), tokenizer.tsQuery(input));
    }

    @Test
    void fullWidthSpaceAndPunctuationSeparate() {
        assertEquals(List.of("停车", "车", "收费", "费"), tokens("停车　收费！"));
        assertEquals(Optional.of("停车 & 收费"), tokenizer.tsQuery("停车　收费"));
    }

    @Test
    void supplementaryCharactersStayWhole() {
        List<String> tokens = tokens("𠮷野家的𡃁仔");
        assertEquals(List.of("𠮷野", "野家", "家的", "的𡃁", "𡃁仔", "仔"), tokens);
        assertEquals(Optional.of("𠮷:*"), tokenizer.tsQuery("𠮷"));
        assertEquals(Optional.of("(的𡃁 <-> 𡃁仔)"), tokenizer.tsQuery("的𡃁仔"));
        assertTrue(search("𠮷野家的𡃁仔", "𡃁"));
        assertEquals(List.of("𠮷"), tokens("\uD842\uDFB7\uD842")); // a stray high surrogate drops out
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a & | ! ( :*", "噪音' | '1", "foo\\bar", "\"停车\"", "x <-> y <2> z", "a:* & b:A", ")(",
            "'; drop table message; --", "!!!噪音", "<script>alert(1)</script>", "a\u0000b\tc\nd", "停车:*收费",
    })
    void queriesAreSafeWhateverIsTyped(String input) {
        tokenizer.tsQuery(input).ifPresent(q -> assertTrue(SAFE_QUERY.matcher(q).matches(), q));
        for (String token : tokens(input)) {
            assertTrue(token.matches(TOKEN), token);
        }
    }

    @Test
    void injectionAttemptsKeepOnlyTheirWords() {
        assertEquals(Optional.of("a"), tokenizer.tsQuery("a & | ! ( :*"));
        assertEquals(Optional.of("噪音 & 1"), tokenizer.tsQuery("噪音' | '1"));
        assertEquals(Optional.of("foo & bar"), tokenizer.tsQuery("foo\\bar"));
        assertEquals(Optional.of("停车 & 收费"), tokenizer.tsQuery("停车:*收费"));
    }

    @Test
    void randomTextGivesOnlySafeTokens() {
        Random random = new Random(42);
        int[][] ranges = {{0x20, 0x7E}, {0x3000, 0x303F}, {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF}, {0x1F300, 0x1F64F},
                {0x20000, 0x2A6DF}, {0xD800, 0xDFFF}, {0x0300, 0x036F}, {0x200B, 0x200F}};
        for (int n = 0; n < 200; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
                if (Character.isSupplementaryCodePoint(cp)) {
                    text.appendCodePoint(cp);
                } else {
                    text.append((char) cp);
                }
            }
            for (String token : tokens(text.toString())) {
                assertTrue(token.matches(TOKEN), () -> "token " + token + " from " + text);
            }
            tokenizer.tsQuery(text.toString()).ifPresent(q -> assertTrue(SAFE_QUERY.matcher(q).matches(), q));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000\t\n", "，。！？", "&|!():*'\"\\<>", "😀👍🏻"})
    void blankOrPunctuationQueryIsEmpty(String input) {
        assertEquals(Optional.empty(), tokenizer.tsQuery(input));
    }

    @Test
    void emptyFieldsGiveEmptyIndexText() {
        assertEquals("", tokenizer.indexText());
        assertEquals("", tokenizer.indexText((String[]) null));
        assertEquals("", tokenizer.indexText(null, "", "！"));
    }

    @Test
    void htmlIsTreatedAsText() {
        List<String> tokens = tokens("<p>楼下<b>噪音</b>扰民</p><script>alert('x')</script>&amp;");
        assertEquals(List.of("p", "楼下", "下", "b", "噪音", "音", "b", "扰民", "民", "p",
                "script", "alert", "x", "script", "amp"), tokens);
    }

    @Test
    void fieldsAreIndexedSeparately() {
        List<String> tokens = tokens("噪音投诉", "楼下噪音");
        assertTrue(tokens.containsAll(List.of("噪音", "音投", "投诉", "楼下", "下噪")), tokens::toString);
        assertFalse(tokens.contains("诉楼"), "no 2-gram across the title/text boundary");
    }

    @Test
    void lengthIsCapped() {
        String text = "噪".repeat(SearchTokenizer.MAX_INDEX_CODE_POINTS) + "停车";
        assertFalse(tokens(text).contains("停车"));
        assertEquals(SearchTokenizer.MAX_INDEX_CODE_POINTS, tokens(text).size(), "n-1 grams and the last character");
        assertFalse(tokens("𠮷".repeat(SearchTokenizer.MAX_INDEX_CODE_POINTS), "停车").contains("停车"),
                "the cap counts code points, across fields");

        String query = tokenizer.tsQuery("停".repeat(500) + " 车").orElseThrow();
        assertEquals(SearchTokenizer.MAX_QUERY_CODE_POINTS - 1, query.split(" <-> ").length);

        String longWord = "a".repeat(200);
        assertEquals(List.of("a".repeat(SearchTokenizer.MAX_WORD_CODE_POINTS)), tokens(longWord));
        assertTrue(search(longWord, longWord.substring(0, 100)));
    }

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        String[] texts = {"小区停车收费太贵了", "中华人民共和国成立七十周年", "G107国道 iPhone15 噪音扰民",
                "强制拆迁补偿不到位"};
        List<String> expected = Arrays.stream(texts).map(tokenizer::indexText).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                int i = n % texts.length;
                results.add(pool.submit(() -> tokenizer.indexText(texts[i]).equals(expected.get(i))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
