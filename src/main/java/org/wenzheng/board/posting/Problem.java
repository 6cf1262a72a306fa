package org.wenzheng.board.posting;

import java.io.Serializable;
import java.util.List;

/**
 * One thing wrong with what the citizen sent: the field it belongs to (null for the whole form), a bundle key and
 * its arguments, so that the page and the API can each say it in the reader's language.
 */
public record Problem(String field, String key, List<Object> args) implements Serializable {

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
