package org.wenzheng.deadline;

import java.util.Arrays;

/**
 * A calendar file (CSV or iCalendar) or an import that cannot be used, with the line at fault and a bundle key
 * ({@code calendar.file.*} or {@code calendar.import.*}) so that pages and the API can say it in the reader's language.
 * The first bundle argument is always the line number (0 when the problem concerns the whole file).
 */
public class CalendarFileException extends IllegalArgumentException {

    private final int line;
    private final String key;
    private final transient Object[] args;

    public CalendarFileException(int line, String key, String english, Object... args) {
        super(line > 0 ? "calendar line " + line + ": " + english : english);
        this.line = line;
        this.key = key;
        this.args = args;
    }

    public int line() { return line; }
    public String key() { return key; }

    /** The bundle arguments: the line number, then the key's own. */
    public Object[] bundleArgs() {
        Object[] all = new Object[args.length + 1];
        all[0] = line;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Override
    public String toString() {
        return getMessage() + " " + key + Arrays.toString(args);
    }
}
