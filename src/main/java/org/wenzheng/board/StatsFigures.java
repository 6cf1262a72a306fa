package org.wenzheng.board;

/**
 * Reply figures over a set of accepted messages. {@code received}: accepted (受理) messages; {@code replied}: those
 * with a reply; {@code withDue}: replied ones that had a due date, {@code onTime} of them replied by it;
 * {@code replySeconds}: total time from posting to reply over the replied ones; {@code reopened}: messages handled
 * again (重办) because the citizen was not satisfied, which count against the unit. Rates are null when there is
 * nothing to divide by, which pages show as "—", never as 0 %.
 */
public record StatsFigures(long received, long replied, long withDue, long onTime, double replySeconds,
                           long reopened) {

    public static final StatsFigures ZERO = new StatsFigures(0, 0, 0, 0, 0, 0);

    /** Figures with nothing reopened. */
    public StatsFigures(long received, long replied, long withDue, long onTime, double replySeconds) {
        this(received, replied, withDue, onTime, replySeconds, 0);
    }

    public StatsFigures plus(StatsFigures o) {
        return new StatsFigures(received + o.received, replied + o.replied, withDue + o.withDue, onTime + o.onTime,
                replySeconds + o.replySeconds, reopened + o.reopened);
    }

    /** Replied among received, in percent with one decimal. */
    public Double replyRate() {
        return percent(replied, received);
    }

    /** Replied by the due date among the replied that had one, in percent with one decimal. */
    public Double onTimeRate() {
        return percent(onTime, withDue);
    }

    /** Average calendar days from posting to reply, one decimal. */
    public Double averageDaysToReply() {
        return replied == 0 ? null : Math.round(replySeconds / replied / 86_400 * 10) / 10.0;
    }

    /** The same figures as bean properties, so that JSON (and EL) carry them beside the counts. */
    public Double getReplyRate() {
        return replyRate();
    }

    public Double getOnTimeRate() {
        return onTimeRate();
    }

    public Double getAverageDaysToReply() {
        return averageDaysToReply();
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
