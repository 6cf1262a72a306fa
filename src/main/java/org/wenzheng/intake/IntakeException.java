package org.wenzheng.intake;

import jakarta.ejb.ApplicationException;

import org.wenzheng.common.web.Texts;

import java.util.Arrays;
import java.util.Locale;

/**
 * An intake action that is refused, with a bundle key (and its arguments) that pages and the API translate. Rolls
 * the whole transaction back, so nothing is half-saved, also in bulk actions.
 */
@ApplicationException(rollback = true)
public class IntakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal, for the API's status code. */
    public enum Reason {
        /** No such message (404). */
        NOT_FOUND,
        /** Someone else changed it, or it is in the wrong state (409). */
        CONFLICT,
        /** The request itself is wrong (400). */
        INVALID
    }

    private final Reason reason;
    private final String key;
    private final transient Object[] args;

    public IntakeException(Reason reason, String key, Object... args) {
        super(key + Arrays.toString(args));
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
    }

    public Reason getReason() {
        return reason;
    }

    public String getKey() {
        return key;
    }

    public Object[] getArgs() {
        return args.clone();
    }

    /** The translated text; arguments that are themselves bundle keys ("intake.…") are translated too. */
    public String text(Locale locale) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String s && s.startsWith("intake.") ? Texts.get(locale, s) : args[i];
        }
        return Texts.get(locale, key, shown);
    }
}
