-- The daily batch (issue #5): who cut a batch, when its forwarding slip was finished and how many messages it holds,
-- and each message's sequence number on the slip. The gathering job relies on two guarantees from here:
-- at most one batch is OPEN at a time (a batch whose job died is completed by the next run instead of a second one
-- being cut), and the job's reader finds the registered, unbatched messages by id without scanning the table.
alter table batch add column cut_by varchar(60);
alter table batch add column slipped_at timestamptz;
alter table batch add column message_count integer not null default 0;

alter table message add column batch_seq integer;

create unique index batch_one_open_idx on batch ((true)) where status = 'OPEN';
create index batch_newest_idx on batch (year desc, number desc);
create index message_to_batch_idx on message (id) where status = 'REGISTERED' and batch_id is null;
create unique index message_batch_seq_idx on message (batch_id, batch_seq) where batch_seq is not null;
