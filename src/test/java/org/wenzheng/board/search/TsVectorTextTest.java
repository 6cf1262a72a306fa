package org.wenzheng.board.search;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TsVectorTextTest {

    @Test
    void readsLexemesAndPositions() {
        Map<String, int[]> v = TsVectorText.parse("'15':4 'g107':1,7 '国道':2 '𠮷野':3");
        assertEquals(4, v.size());
        assertArrayEquals(new int[]{1, 7}, v.get("g107"));
        assertArrayEquals(new int[]{2}, v.get("国道"));
        assertArrayEquals(new int[]{3}, v.get("𠮷野"));
    }

    @Test
    void quotesBackslashesWeightsAndNoPositions() {
        Map<String, int[]> v = TsVectorText.parse("'it''s':1A,3 'a\\\\b':2B 'bare'");
        assertArrayEquals(new int[]{1, 3}, v.get("it's"));
        assertArrayEquals(new int[]{2}, v.get("a\\b"));
        assertArrayEquals(new int[0], v.get("bare"));
        assertEquals(0, TsVectorText.parse("").size());
    }

    @Test
    void refusesWhatIsNotAVector() {
        assertThrows(IllegalArgumentException.class, () -> TsVectorText.parse("word"));
        assertThrows(IllegalArgumentException.class, () -> TsVectorText.parse("'open"));
    }
}
