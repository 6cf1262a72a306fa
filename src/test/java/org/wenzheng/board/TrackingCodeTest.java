package org.wenzheng.board;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingCodeTest {

    @Test
    void generatedCodesUseOnlyTheUnambiguousAlphabetAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TrackingCode.generate();
            assertEquals(TrackingCode.LENGTH, code.length());
            assertTrue(code.chars().allMatch(c -> TrackingCode.ALPHABET.indexOf(c) >= 0), code);
            assertTrue(seen.add(code), "repeated code " + code);
        }
        assertTrue(TrackingCode.ALPHABET.chars().noneMatch(c -> "01ILOU".indexOf(c) >= 0));
    }

    @ParameterizedTest
    @CsvSource({
            "ABCD-EFGH-JKMN, ABCDEFGHJKMN",
            "abcd efgh jkmn, ABCDEFGHJKMN",
            "' 2345-6789-ABCD ', 23456789ABCD",
            "2345－6789－ABCD, 23456789ABCD"
    })
    void whatACitizenTypesIsNormalised(String typed, String stored) {
        assertEquals(Optional.of(stored), TrackingCode.normalise(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCD-EFGH-JKM0", "ABCD-EFGH-JKMO", "查询码查询码查询码查询码",
            "' or 1=1 --  "})
    void anythingElseIsNotATrackingCode(String typed) {
        assertEquals(Optional.empty(), TrackingCode.normalise(typed));
    }

    @Test
    void displayGroupsInFours() {
        assertEquals("ABCD-EFGH-JKMN", TrackingCode.display("ABCDEFGHJKMN"));
    }
}
