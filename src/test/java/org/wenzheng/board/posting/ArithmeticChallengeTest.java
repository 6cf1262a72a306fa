package org.wenzheng.board.posting;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArithmeticChallengeTest {

    @Test
    void numbersAreWrittenInChineseNumerals() {
        assertEquals("七", ArithmeticChallenge.chinese(7));
        assertEquals("十", ArithmeticChallenge.chinese(10));
        assertEquals("十二", ArithmeticChallenge.chinese(12));
        assertEquals("二十", ArithmeticChallenge.chinese(20));
        assertEquals("三十五", ArithmeticChallenge.chinese(35));
    }

    @Test
    void aSumAndADifferenceAskedInChineseWithTheirAnswers() {
        ArithmeticChallenge sum = ArithmeticChallenge.of(12, 7, true);
        assertEquals("十二加七等于几？", sum.question());
        assertEquals("What is twelve plus seven?", sum.questionEn());
        assertEquals(19, sum.answer());
        ArithmeticChallenge diff = ArithmeticChallenge.of(3, 15, false);
        assertEquals("十五减三等于几？", diff.question());
        assertEquals("What is fifteen minus three?", diff.questionEn());
        assertEquals(12, diff.answer(), "the larger number comes first: never negative");
    }

    @Test
    void theAnswerIsAcceptedInHalfOrFullWidthDigitsAndNothingElse() {
        ArithmeticChallenge c = ArithmeticChallenge.of(12, 7, true);
        assertTrue(c.accepts("19"));
        assertTrue(c.accepts(" １９ "));
        assertFalse(c.accepts("18"));
        assertFalse(c.accepts("十九"));
        assertFalse(c.accepts(""));
        assertFalse(c.accepts(null));
        assertFalse(c.accepts("19; drop table message"));
    }

    @Test
    void generatedQuestionsStayInRange() {
        for (int i = 0; i < 200; i++) {
            ArithmeticChallenge c = ArithmeticChallenge.next();
            assertTrue(c.answer() >= 0 && c.answer() <= 40, c.toString());
            assertTrue(c.accepts(Integer.toString(c.answer())));
        }
    }
}
