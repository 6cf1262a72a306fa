package org.wenzheng.board.posting;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for what a citizen writes. Text is stored exactly as typed, only trimmed and put in Unicode NFC: no HTML
 * is stripped (pages escape it on output), and characters outside the BMP (𠮷, emoji) count as one character each.
 */
public final class PostingRules {

    public static final int TITLE_MAX = 100;
    public static final int BODY_MAX = 2000;
    public static final int DISPLAY_NAME_MAX = 50;
    public static final int EMAIL_MAX = 254;
    public static final int FOLLOW_UP_MAX = 1000;
    public static final int RATING_REASON_MAX = 500;
    public static final int MAX_ATTACHMENTS = 3;
    public static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    /** Mainland mobile: 11 digits from 13x to 19x, optionally after +86 / 86. */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?1[3-9]\\d{9}");
    /** Mainland landline: area code 0xx or 0xxx, 7–8 digit number, optional extension. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[1-9]\\d{6,7}(?:-\\d{1,6})?");
    /** Deliberately plain: letters, digits and the usual punctuation before @, a dotted host name after it. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private PostingRules() {
    }

    /** Trimmed and NFC; null for null or blank. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        return s.isEmpty() ? null : s;
    }

    /** Characters as a reader counts them: a supplementary character (𠮷) is one. */
    public static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /** Spaces, dashes and brackets that people type in phone numbers, removed; full-width digits made ASCII. */
    static String phoneDigits(String phone) {
        String s = Normalizer.normalize(phone, Normalizer.Form.NFKC);
        return s.replaceAll("[\\s()（）]", "").replace('－', '-').replaceAll("-{2,}", "-");
    }

    public static boolean validPhone(String phone) {
        String s = phoneDigits(phone);
        return MOBILE.matcher(s.replace("-", "")).matches() || LANDLINE.matcher(s).matches();
    }

    public static boolean validEmail(String email) {
        return email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    /** The same person's phone written two ways gives one key: digits only, without the country code. */
    public static String phoneKey(String phone) {
        String digits = phoneDigits(phone).replace("-", "").replace("+", "");
        return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
    }

    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Required text within a limit, as a problem for {@code field}, or nothing. */
    public static Optional<Problem> checkText(String field, String value, int max, boolean required) {
        if (value == null) {
            return required ? Optional.of(Problem.of(field, "post.error.required")) : Optional.empty();
        }
        int n = length(value);
        return n > max ? Optional.of(Problem.of(field, "post.error.tooLong", max, n)) : Optional.empty();
    }

    /** Phone and e-mail: at least one, each in a valid form. */
    public static List<Problem> checkContact(String phone, String email) {
        List<Problem> problems = new ArrayList<>();
        if (phone == null && email == null) {
            problems.add(Problem.of("phone", "post.error.contactRequired"));
        }
        if (phone != null && !validPhone(phone)) {
            problems.add(Problem.of("phone", "post.error.phone"));
        }
        if (email != null && !validEmail(email)) {
            problems.add(Problem.of("email", "post.error.email"));
        }
        return problems;
    }

    /** The configured banned words: comma-separated (either comma), trimmed, blanks dropped. */
    public static List<String> parseWords(String configured) {
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        return Arrays.stream(configured.split("[,，]"))
                .map(PostingRules::foldForMatching).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** True if any text contains a banned word, ignoring case, width (ＡＢＣ = ABC) and spaces put between letters. */
    public static boolean containsBanned(List<String> bannedWords, String... texts) {
        if (bannedWords.isEmpty()) {
            return false;
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String folded = foldForMatching(text);
            for (String word : bannedWords) {
                if (folded.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String foldForMatching(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** The file name without any folder part a browser may send, and without control characters; at most 200 chars. */
    public static String safeFileName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        base = Normalizer.normalize(base, Normalizer.Form.NFC);
        if (base.isEmpty()) {
            return "file";
        }
        return length(base) > 200 ? base.substring(0, base.offsetByCodePoints(0, 200)) : base;
    }
}
