package org.wenzheng.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose changes show on the public board, so that a change empties the public page cache (see
 * {@link PublicContentListener}). {@code insertsShown = false} for entities whose new rows are not public yet (a
 * newly posted message waits for intake), so that heavy posting does not keep emptying the cache.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicContent {
    boolean insertsShown() default true;

    /**
     * For an entity only some of whose rows are public (a reply is public once published): the listener asks the row
     * whether its write can show, so a liaison's draft saves do not keep emptying the cache.
     */
    interface Conditional {
        boolean shownPublicly();
    }
}
