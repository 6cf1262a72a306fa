package org.wenzheng.common;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * A use case refused for a reason a person can understand: the object is missing, not the caller's, in the wrong
 * state, changed meanwhile, or the input is wrong. Carries a bundle key so pages and the API can say it in the
 * reader's language; rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ActionRefused extends RuntimeException {

    /** Maps to HTTP 404, 403, 409, 409 and 400. */
    public enum Kind { NOT_FOUND, FORBIDDEN, WRONG_STATE, CONFLICT, INVALID }

    private final Kind kind;
    private final String key;
    private final transient Object[] args;

    public ActionRefused(Kind kind, String key, Object... args) {
        super(kind + " " + key + " " + Arrays.toString(args));
        this.kind = kind;
        this.key = key;
        this.args = args;
    }

    public Kind kind() { return kind; }
    public String key() { return key; }
    public Object[] args() { return args.clone(); }
}
