/**
 * The board's JSON API under /api/v1, calling the same services as the pages.
 */
package org.wenzheng.board.api;
