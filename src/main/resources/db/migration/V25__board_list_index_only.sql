-- The public board's list (newest public messages, page by page, optionally by kind, topic, unit or step).
-- With only (posted_at, id) in message_board_idx, the planner could as well walk message_posted_idx (V10, every
-- message) and test public_visible row by row; the two cost nearly the same to it. A backlog of newer messages not
-- yet accepted (or a flood of spam) made that a read of hundreds of thousands of rows: 2.4 s for one page with
-- 436,000 of them, 1 ms through this index. With the filters' columns included, BoardService reads a page's ids
-- by an index-only scan of public rows, which no plan through message_posted_idx can match.
drop index message_board_idx;
create index message_board_idx on message (posted_at desc, id desc)
    include (status, kind, category_id, target_unit_id) where public_visible;
