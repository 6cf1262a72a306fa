-- The administrator manages channel tokens in the back office (issue #4). A channel rotates its token by getting a
-- new one before the old is revoked, so one name may have several tokens; revoked tokens stay listed (and audited)
-- with when they were revoked. last_used_at is written at most once a minute per instance, never per request.
alter table channel_token drop constraint channel_token_name_key;
alter table channel_token
    add column token_prefix varchar(8),
    add column created_by   varchar(100),
    add column revoked_at   timestamptz,
    add column last_used_at timestamptz;
create index channel_token_name_idx on channel_token (name);
