package org.wenzheng.board.posting;

import java.util.List;

/** A use case of this package said no; nothing was stored. {@link #reason} lets the API choose an HTTP status. */
public class PostingRefused extends RuntimeException {

    /** Why: bad input, too many posts, a duplicate, an unknown or throttled tracking code, a refused rating. */
    public enum Reason { INVALID, RATE_LIMITED, DUPLICATE, UNKNOWN_CODE, THROTTLED }

    private final Reason reason;
    private final transient List<Problem> problems;

    public PostingRefused(Reason reason, List<Problem> problems) {
        super(reason + " " + problems.stream().map(p -> p.field() + ":" + p.key()).toList());
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public PostingRefused(Reason reason, Problem problem) {
        this(reason, List.of(problem));
    }

    public Reason reason() { return reason; }
    public List<Problem> problems() { return problems; }
}
