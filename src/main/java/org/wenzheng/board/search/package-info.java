/**
 * Search of the public board. {@link org.wenzheng.board.search.SearchTokenizer} turns Chinese and mixed
 * Chinese/English/digit text into tokens for PostgreSQL full-text search, which has no Chinese parser;
 * {@link org.wenzheng.board.search.SearchWindow} and its nightly job keep the window of the newest public messages that
 * has a word index of its own (V21), so common words are answered without reading the whole index;
 * {@link org.wenzheng.board.search.WindowIndex} keeps a copy of that window in memory on each instance
 * ({@link org.wenzheng.board.search.WindowDocs}: postings with positions, ranked as ts_rank_cd ranks) and reads only
 * what changed before each search (V22). Which of them answers a search is decided in
 * {@link org.wenzheng.board.BoardService}.
 */
package org.wenzheng.board.search;
