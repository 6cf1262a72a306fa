-- Outgoing mail is written here in the same transaction as the workflow step that causes it, and sent afterwards by
-- the dispatcher with retries, so that a mail server that is down never blocks or loses a step. The row is the
-- record of whether (and when) a notification was delivered.
create sequence mail_seq increment by 50 start with 50;

create table mail_outbox (
    id              bigint primary key,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    body            text         not null,
    related_type    varchar(30),
    related_id      bigint,
    status          varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    version         bigint       not null default 0
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_related_idx on mail_outbox (related_type, related_id);
