package org.wenzheng.board.web;

/**
 * A message as a public list shows it (home page, board): texts already in the reader's language and dates in
 * Asia/Shanghai, so rendering a row evaluates nothing.
 *
 * @param kind      the kind's label
 * @param unit      the unit's name, or the words for "not yet known"
 * @param step      the public timeline step (0 submitted … 5 closed), for the badge's colour
 * @param stepLabel the step's label
 * @param replied   "replied" and the date, or the words for "not yet replied"
 */
public record MessageRow(long id, String title, String kind, String unit, String posted, int step, String stepLabel,
                         String replied) {
}
