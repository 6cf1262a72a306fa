-- Posting and tracking (issue #4): the citizen's follow-ups, the tokens other channels post with, and the
-- bookkeeping that rate limits, duplicate refusal and idempotent retries need.

-- Keyed hashes, never the raw IP address or contact: enough to count, not enough to read back.
alter table message add column client_hash char(64);
alter table message add column contact_hash char(64);
-- A channel's Idempotency-Key (the web form uses one per form): a retried request finds its first message.
alter table message add column idempotency_key varchar(100);
create unique index message_idempotency_idx on message (channel, idempotency_key) where idempotency_key is not null;
create index message_client_hash_idx on message (client_hash, posted_at) where client_hash is not null;
create index message_contact_hash_idx on message (contact_hash, posted_at) where contact_hash is not null;

-- 追问: what the citizen adds to their own thread with the tracking code.
create table follow_up (
    id         bigint primary key,
    message_id bigint        not null references message (id),
    body       varchar(1000) not null,
    posted_at  timestamptz   not null
);
create index follow_up_message_idx on follow_up (message_id, posted_at);
create sequence follow_up_seq increment by 50 start with 50;

-- A token the administrator issues to another channel (12345 hotline, mini-program); only its SHA-256 is kept.
create table channel_token (
    id         bigint primary key,
    name       varchar(30) not null unique,
    token_hash char(64)    not null unique,
    active     boolean     not null default true,
    created_at timestamptz not null
);
create sequence channel_token_seq increment by 50 start with 50;
