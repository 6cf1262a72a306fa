/**
 * Turns Chinese and mixed Chinese/English/digit text into search tokens for PostgreSQL full-text
 * search, which has no Chinese parser: see {@link org.wenzheng.board.search.SearchTokenizer}.
 */
package org.wenzheng.board.search;
