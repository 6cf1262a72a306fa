package org.wenzheng.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact data as people without a need to know see it: 138****1234, z***@example.com. The same rules mask phone
 * numbers and e-mail addresses inside free text bound for logs (an SMTP error names its recipient).
 */
public final class ContactMask {

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
    /** Runs of 7 or more digits, optionally with +, spaces or dashes inside: phone-like. */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("\\+?\\d[\\d -]{5,}\\d");

    private ContactMask() {
    }

    /** First 3 and last 4 digits of an 11-digit mobile number; shorter numbers keep at most their last 2 digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        int digits = (int) p.chars().filter(Character::isDigit).count();
        int keepHead = digits >= 11 ? 3 : 0;
        int keepTail = digits >= 11 ? 4 : digits >= 6 ? 2 : 0;
        StringBuilder out = new StringBuilder(p.length());
        int seen = 0;
        for (char c : p.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= keepHead || seen > digits - keepTail ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first character of the local part and the whole domain: z***@example.com. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.charAt(0) + "***" + e.substring(at);
    }

    /** Free text with every e-mail address and phone-like number in it masked; for log lines. */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EMAIL_IN_TEXT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(email(m.group())));
        }
        m.appendTail(sb);
        Matcher p = PHONE_IN_TEXT.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            p.appendReplacement(out, Matcher.quoteReplacement(phone(p.group())));
        }
        p.appendTail(out);
        return out.toString();
    }
}
