package org.wenzheng.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Native queries hand back a timestamptz as {@link java.sql.Timestamp} or as {@link OffsetDateTime}, depending on the
 * driver path; every native read of a point in time goes through here, so all of them agree.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The point in time a native query returned (in UTC), or null for SQL NULL. */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a point in time: " + value.getClass());
    }
}
