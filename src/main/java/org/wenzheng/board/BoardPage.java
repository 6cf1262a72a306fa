package org.wenzheng.board;

import java.util.List;

/**
 * One page of the board. There is no total count on purpose: counting a million rows per page view is what makes
 * boards slow. {@code hasNext} comes from reading one row more than the page holds.
 */
public record BoardPage(List<PublicMessage> items, int page, int size, boolean hasNext, boolean search) {

    public boolean hasPrevious() {
        return page > 0;
    }

    /** Page numbers as people count them, from 1. */
    public int number() {
        return page + 1;
    }
}
