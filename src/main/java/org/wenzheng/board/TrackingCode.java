package org.wenzheng.board;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The 查询码 a citizen gets when posting: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * about 60 random bits, so that guessing one is hopeless even before throttling. Shown grouped as XXXX-XXXX-XXXX;
 * accepted with or without dashes, spaces, and in either case.
 */
public final class TrackingCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCode() {
    }

    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The stored form of what a citizen typed, or empty if it cannot be a tracking code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.replaceAll("[\\s\\-－]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** XXXX-XXXX-XXXX, easier to read aloud and copy by hand. */
    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
