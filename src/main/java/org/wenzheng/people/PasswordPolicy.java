package org.wenzheng.people;

import com.nulabinc.zxcvbn.Zxcvbn;

import java.util.List;
import java.util.Optional;

/**
 * What a staff password must be: at least 10 characters, at most 128, and hard to guess (zxcvbn score 3 of 4 or
 * better, with the person's own names counted as known words). Returns the translation key of the first problem.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {
    }

    /** Empty when acceptable; otherwise the message key (password.tooShort, password.tooLong, password.weak). */
    public static Optional<String> problem(String password, String... personalWords) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        List<String> known = java.util.Arrays.stream(personalWords).filter(w -> w != null && !w.isBlank()).toList();
        if (ZXCVBN.measure(password, known).getScore() < MIN_SCORE) {
            return Optional.of("password.weak");
        }
        return Optional.empty();
    }
}
