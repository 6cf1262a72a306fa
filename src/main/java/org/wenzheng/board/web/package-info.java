/**
 * The public pages' web side: their backing beans, and the components that write the board's repeated pieces
 * themselves (the message list, the filter menus, the statistics strip; see {@link org.wenzheng.board.web.MarkupComponent}).
 */
package org.wenzheng.board.web;
