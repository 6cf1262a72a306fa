/**
 * The administrator's lists that the board and intake read: the topics (categories) a message is filed under, and
 * the board's settings kept in the setting table (banned words, posting limit). Kept out of board/ so that the board
 * does not depend on administration; board.Category is only read and created here.
 */
package org.wenzheng.people.catalog;
