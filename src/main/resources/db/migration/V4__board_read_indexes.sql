-- Indexes for the public board's filters and feed (issue #4, the reading side). Like message_board_idx they are
-- partial on public_visible, so they only hold what may be shown, and they keep the board's order
-- (posted_at desc, id desc) so that a filtered page is an index range scan that stops after one page.

-- Filter by kind (咨询, 投诉 …).
create index message_board_kind_idx on message (kind, posted_at desc, id desc) where public_visible;

-- Filter by the public timeline step. The expression must stay exactly the one in
-- org.wenzheng.board.BoardService.STEP_SQL (MessageStatus.publicStep()), or PostgreSQL will not match it.
create index message_board_step_idx on message ((case status
        when 'REGISTERED' then 1 when 'BATCHED' then 1 when 'ROUTED' then 2 when 'HANDLING' then 3
        when 'REPLIED' then 4 when 'CLOSED' then 5 when 'ARCHIVED' then 5 else 0 end), posted_at desc, id desc)
    where public_visible;

-- The Atom feed of newly replied messages: newest reply first.
create index message_board_replied_idx on message (replied_at desc, id desc)
    where public_visible and replied_at is not null;
