-- Per-system API tokens for integrations (issue 8): only a SHA-256 of the token is kept (tokens are 256 random
-- bits, so a slow hash adds nothing); roles are a subset of the person's, checked again on every request.
create sequence api_token_seq increment by 50 start with 50;
create table api_token (
    id           bigint primary key,
    name         varchar(100) not null,
    person_id    bigint       not null references person (id),
    roles        varchar(200) not null,
    token_hash   char(64)     not null unique,
    prefix       varchar(12)  not null,
    created_at   timestamptz  not null,
    created_by   varchar(60)  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    version      bigint       not null default 0
);
create index api_token_person_idx on api_token (person_id);
