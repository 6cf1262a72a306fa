-- The newest public messages' search vectors in a table of their own, with its own word index.
--
-- Why: a common two-character word (噪音, 停车) is in tens of thousands of the million messages. The word index on
-- message returns all of them, unordered, and reading them is slow; walking the newest messages by date and testing
-- each vector (what V4's board index allows) costs a few thousand vector tests per search. A search asks first for
-- the matches among the messages of the last few days, and this small index answers that in a few milliseconds:
-- its posting lists only hold the window's messages. Older messages are still searched in message, by the board
-- service, when the window has few matches.
--
-- search_window.starts_at is the one boundary: search_recent holds exactly the public messages posted at or after it
-- (a row a concurrent move of the window left behind is ignored by the query, which filters on the boundary, and
-- removed by the next move). The SearchWindowJob moves it forward every night (wz.search.recent-days, default 14).
create table search_window (
    id        smallint primary key default 1 check (id = 1),
    starts_at timestamptz not null
);
insert into search_window (starts_at) values (now() - interval '14 days');

create table search_recent (
    message_id     bigint primary key references message (id) on delete cascade,
    posted_at      timestamptz not null,
    -- The board's filters, copied so that a filtered search needs message only for the page it shows.
    kind           varchar(20) not null,
    category_id    bigint,
    target_unit_id bigint,
    search_vector  tsvector    not null
);

insert into search_recent (message_id, posted_at, kind, category_id, target_unit_id, search_vector)
select m.id, m.posted_at, m.kind, m.category_id, m.target_unit_id, m.search_vector
from message m
where m.public_visible and m.posted_at >= (select starts_at from search_window);

create index search_recent_vector_idx on search_recent using gin (search_vector);
create index search_recent_posted_idx on search_recent (posted_at);

-- Kept in step by the database, whatever changes a message (acceptance, merging, making it private, bulk routing in
-- SQL, corrections of its text): no code path can forget it.
create function search_recent_sync() returns trigger language plpgsql as $$
begin
    if new.public_visible and new.posted_at >= (select starts_at from search_window where id = 1) then
        insert into search_recent (message_id, posted_at, kind, category_id, target_unit_id, search_vector)
        values (new.id, new.posted_at, new.kind, new.category_id, new.target_unit_id, new.search_vector)
        on conflict (message_id) do update
            set posted_at = excluded.posted_at, kind = excluded.kind, category_id = excluded.category_id,
                target_unit_id = excluded.target_unit_id, search_vector = excluded.search_vector;
    elsif tg_op = 'UPDATE' then
        delete from search_recent where message_id = new.id;
    end if;
    return null;
end
$$;

create trigger message_search_recent_insert
    after insert on message
    for each row when (new.public_visible)
execute function search_recent_sync();

-- Only the columns copied, and only when one of them really changed: status changes (routing 60,000 cases in one
-- statement) do not fire it.
create trigger message_search_recent_update
    after update of public_visible, search_text, posted_at, kind, category_id, target_unit_id on message
    for each row when (old.public_visible is distinct from new.public_visible
        or (new.public_visible and (old.search_text is distinct from new.search_text
            or old.posted_at is distinct from new.posted_at or old.kind is distinct from new.kind
            or old.category_id is distinct from new.category_id
            or old.target_unit_id is distinct from new.target_unit_id)))
execute function search_recent_sync();
