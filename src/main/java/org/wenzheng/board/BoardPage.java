package org.wenzheng.board;

import java.util.List;

/**
 * One page of the board. There is no total count on purpose: counting a million rows per page view is what makes
 * boards slow. {@code hasNext} comes from reading one row more than the page holds. {@code searchTooBroad}: the search
 * passed its time limit (see BoardService), so it shows nothing and says so.
 */
public record BoardPage(List<PublicMessage> items, int page, int size, boolean hasNext, boolean search,
                        boolean searchTooBroad) {

    public BoardPage(List<PublicMessage> items, int page, int size, boolean hasNext, boolean search) {
        this(items, page, size, hasNext, search, false);
    }

    /** A search the database gave up on within its time limit: no results, and the reader is asked to narrow it. */
    static BoardPage tooBroad(int page, int size) {
        return new BoardPage(List.of(), page, size, false, true, true);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** Page numbers as people count them, from 1. */
    public int number() {
        return page + 1;
    }
}
