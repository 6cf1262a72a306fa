package org.wenzheng.board;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardFilterTest {

    @Test
    void parsesEveryParameter() {
        BoardFilter f = BoardFilter.parse("complaint", "12", " 7 ", "4", "  停车收费 ", "3");
        assertEquals(MessageKind.COMPLAINT, f.kind());
        assertEquals(12L, f.categoryId());
        assertEquals(7L, f.unitId());
        assertEquals(4, f.step());
        assertEquals("停车收费", f.q());
        assertEquals(3, f.page());
        assertTrue(f.hasFilters());
        assertTrue(f.isSearch());
    }

    @Test
    void malformedValuesMeanNoFilter() {
        BoardFilter f = BoardFilter.parse("SPAM", "abc", "-3", "9", "   ", "x");
        assertNull(f.kind());
        assertNull(f.categoryId());
        assertNull(f.unitId());
        assertNull(f.step(), "step 9 does not exist");
        assertNull(f.q());
        assertEquals(0, f.page());
        assertFalse(f.hasFilters());
        assertFalse(f.isSearch());
        assertNull(BoardFilter.parse(null, null, null, "0", null, null).step(), "step 0 is never public");
        assertEquals(BoardFilter.NONE, BoardFilter.parse(null, null, null, null, null, null));
    }

    @Test
    void pagesAreBounded() {
        assertEquals(0, BoardFilter.parse(null, null, null, null, null, "-5").page());
        assertEquals(BoardFilter.MAX_PAGE, BoardFilter.parse(null, null, null, null, null, "100000").page());
        assertEquals(0, BoardFilter.parse(null, null, null, null, null, "99999999999").page(),
                "a number too large for int is no page, never an error");
        assertEquals(99, BoardFilter.MAX_PAGE);
    }

    @Test
    void longQueriesAreCutWithoutHalvingASurrogatePair() {
        String q = "a".repeat(BoardFilter.MAX_QUERY_LENGTH - 1) + "\uD83D\uDE00tail";
        BoardFilter f = BoardFilter.parse(null, null, null, null, q, null);
        assertEquals(BoardFilter.MAX_QUERY_LENGTH - 1, f.q().length());
        assertEquals(BoardFilter.MAX_QUERY_LENGTH, new BoardFilter(null, null, null, null, "b".repeat(500), 0)
                .q().length());
    }

    @Test
    void queryStringKeepsTheFiltersEncodedAndLeavesOutEmptyOnes() {
        BoardFilter f = BoardFilter.parse("HELP", null, "5", null, "噪音 & <b>", "2");
        assertEquals("q=%E5%99%AA%E9%9F%B3+%26+%3Cb%3E&kind=HELP&unit=5&page=3", f.queryString(3));
        assertEquals("q=%E5%99%AA%E9%9F%B3+%26+%3Cb%3E&kind=HELP&unit=5", f.queryString(0), "page 0 is the default");
        assertEquals("", BoardFilter.NONE.queryString(0));
        assertEquals("page=" + BoardFilter.MAX_PAGE, BoardFilter.NONE.queryString(1000));
        assertEquals("topic=3&step=2", new BoardFilter(null, 3L, null, 2, null, 0).queryString(-1));
    }
}
