package org.wenzheng.board;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of BoardService that need no database. */
class BoardServiceRulesTest {

    @Test
    void theSqlStepExpressionIsPublicStep() {
        Matcher m = Pattern.compile("when '([A-Z]+)' then (\\d)").matcher(BoardService.STEP_SQL);
        int seen = 0;
        while (m.find()) {
            assertEquals(MessageStatus.valueOf(m.group(1)).publicStep(), Integer.parseInt(m.group(2)), m.group(1));
            seen++;
        }
        assertEquals(7, seen, "every accepted status has its step");
        for (MessageStatus s : MessageStatus.values()) {
            assertEquals(s.isAccepted(), BoardService.STEP_SQL.contains("'" + s.name() + "'"), s.name());
        }
    }

    @Test
    void theV4IndexUsesTheSameStepExpression() throws Exception {
        String v4;
        try (var in = getClass().getResourceAsStream("/db/migration/V4__board_read_indexes.sql")) {
            v4 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String normalised = v4.replaceAll("\\s+", " ");
        assertTrue(normalised.contains(BoardService.STEP_SQL.replaceAll("\\s+", " ")), normalised);
    }

    @Test
    void searchPagesStopAtTheRankedCandidates() {
        assertEquals(49, BoardService.lastSearchPage(20));
        assertEquals(19, BoardService.lastSearchPage(50));
        assertEquals(BoardFilter.MAX_PAGE, BoardService.lastSearchPage(1));
    }

    @Test
    void theTimelineMarksReachedStepsAndTheirDates() {
        OffsetDateTime posted = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
        OffsetDateTime accepted = posted.plusHours(2);
        List<TimelineStep> t = BoardService.timeline(2, List.of(Optional.of(posted), Optional.of(accepted),
                Optional.empty(), Optional.empty(), Optional.of(posted.plusDays(1)), Optional.empty()));
        assertEquals(6, t.size());
        assertTrue(t.get(0).reached());
        assertEquals(accepted, t.get(1).at());
        assertTrue(t.get(2).current());
        assertNull(t.get(2).at());
        assertFalse(t.get(4).reached());
        assertNull(t.get(4).at(), "a date of a step not reached is never shown");
        assertEquals(1, t.stream().filter(TimelineStep::current).count());
    }
}
