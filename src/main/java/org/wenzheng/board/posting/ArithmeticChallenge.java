package org.wenzheng.board.posting;

import java.io.Serializable;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Random;

/**
 * The web form's self-hosted challenge: a small sum written in Chinese numerals as text ("十二加七等于几？"), its
 * answer kept on the server in the form's view state, never in the page (in English, in words: "What is twelve
 * plus seven?", so that switching the language does not give a program digits to add). No third-party service and no
 * image.
 * Limits: it stops form-filling robots and scripted floods, not a person or a program written for this site; the
 * rate limit and the duplicate check are what bound abuse. A new question is asked after each wrong answer.
 */
public record ArithmeticChallenge(String question, String questionEn, int answer) implements Serializable {

    private static final Random RANDOM = new SecureRandom();
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] ENGLISH = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};

    public static ArithmeticChallenge next() {
        return of(RANDOM.nextInt(20) + 1, RANDOM.nextInt(20) + 1, RANDOM.nextBoolean());
    }

    /** {@code a + b}, or {@code a - b} with the larger first so the answer is never negative. */
    static ArithmeticChallenge of(int a, int b, boolean add) {
        if (a < 0 || b < 0 || a >= ENGLISH.length || b >= ENGLISH.length) {
            throw new IllegalArgumentException("operands 0-20 only");
        }
        if (add) {
            return new ArithmeticChallenge(chinese(a) + "加" + chinese(b) + "等于几？", "What is " + ENGLISH[a] + " plus " + ENGLISH[b] + "?", a + b);
        }
        int hi = Math.max(a, b);
        int lo = Math.min(a, b);
        return new ArithmeticChallenge(chinese(hi) + "减" + chinese(lo) + "等于几？", "What is " + ENGLISH[hi] + " minus " + ENGLISH[lo] + "?", hi - lo);
    }

    /** Accepts the answer in Arabic digits, half- or full-width, with spaces around. */
    public boolean accepts(String typed) {
        if (typed == null) {
            return false;
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (!s.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(s) == answer;
    }

    /** 0–99 in Chinese numerals: 七, 十, 十二, 二十, 三十五. */
    static String chinese(int n) {
        if (n < 0 || n > 99) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
    }
}
