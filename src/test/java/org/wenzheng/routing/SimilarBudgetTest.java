package org.wenzheng.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimilarBudgetTest {

    private static final Suggestion CG = new Suggestion(1L, "城市管理局", Suggestion.Why.SIMILAR, "3");

    @Test
    void noNewLookUpStartsOnceTheTimeIsSpentButAnswersFoundStayUsable() {
        SimilarBudget budget = SimilarBudget.of(Duration.ofMillis(10));
        assertTrue(budget.allowsMore());
        budget.remember("噪音 | 施工", CG);
        budget.remember("路灯", null);
        budget.spent(Duration.ofMillis(10).toNanos());
        assertFalse(budget.allowsMore());
        assertTrue(budget.known("噪音 | 施工"));
        assertTrue(budget.known("路灯"), "nothing found is remembered too, so it is not looked up again");
        assertEquals(Optional.of(CG), budget.answer("噪音 | 施工"));
        assertEquals(Optional.empty(), budget.answer("路灯"));
        assertEquals(Optional.empty(), budget.answer("never looked up"));
        assertTrue(SimilarBudget.unlimited().allowsMore());
    }

    @Test
    void answersBeyondTheMemoryLimitServeTheCurrentChunkOnly() {
        SimilarBudget budget = SimilarBudget.unlimited();
        for (int i = 0; i < SimilarBudget.MAX_REMEMBERED; i++) {
            budget.remember("q" + i, null);
        }
        budget.remember("late", CG);
        assertEquals(Optional.of(CG), budget.answer("late"));
        assertFalse(budget.known("late"));
        budget.forget();
        assertEquals(Optional.empty(), budget.answer("late"));
        assertTrue(budget.known("q0"));
    }
}
