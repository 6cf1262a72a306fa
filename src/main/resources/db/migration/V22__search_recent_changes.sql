-- What changed in search_recent, and since when: each application instance keeps the window's words in memory
-- (board/search/WindowIndex) and, before a search, reads only the rows written, and the removals noted, by
-- transactions that had not committed when it last looked.
--
-- Why transaction ids and not a timestamp or a sequence: a transaction that took its number or time early and
-- committed late would be missed by "greater than the last one seen". pg_current_snapshot() says exactly which
-- transactions a read could see; a row whose writer is not visible in the previous read's snapshot is new to it.
alter table search_recent add column tx xid8 not null default pg_current_xact_id();
create index search_recent_tx_idx on search_recent (tx);

create table search_recent_removed (
    message_id bigint      not null,
    tx         xid8        not null default pg_current_xact_id(),
    removed_at timestamptz not null default now()
);
create index search_recent_removed_tx_idx on search_recent_removed (tx);
-- For the nightly pruning (SearchWindowJob): an instance that has not looked for a day reads the window whole.
create index search_recent_removed_at_idx on search_recent_removed (removed_at);

-- Every write stamps the row, whoever writes it (the message trigger of V21, the window's backfill, bulk SQL).
create function search_recent_stamp() returns trigger language plpgsql as $$
begin
    new.tx := pg_current_xact_id();
    return new;
end
$$;

create trigger search_recent_stamp
    before insert or update on search_recent
    for each row
execute function search_recent_stamp();

-- Every removal is noted: a message made private, merged or deleted, and the window's nightly move (one statement,
-- so one insert for all of its rows).
create function search_recent_note_removals() returns trigger language plpgsql as $$
begin
    insert into search_recent_removed (message_id) select message_id from removed;
    return null;
end
$$;

create trigger search_recent_removals
    after delete on search_recent
    referencing old table as removed
    for each statement
execute function search_recent_note_removals();
