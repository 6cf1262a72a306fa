-- One row per run of a scheduled job: which slot (the next_run_at it was claimed for), which instance ran it, when,
-- and how it ended. scheduled_job keeps only the last run; this log shows that each slot ran once across instances
-- and which instance took over when another stopped. Rows older than 30 days are removed as runs finish.
create table scheduled_job_run (
    id          bigint generated always as identity primary key,
    job_name    varchar(60)  not null,
    due_at      timestamptz  not null,
    owner       varchar(100) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    outcome     varchar(500)
);
create index scheduled_job_run_job on scheduled_job_run (job_name, started_at);

-- A mail's attachments as references (kind + id, e.g. overdue_notice 42), not bytes: the document is rendered again
-- when the mail is sent, by the feature that owns it, so the outbox never holds a second copy of a document.
create table mail_attachment (
    mail_id  bigint      not null references mail_outbox (id) on delete cascade,
    position int         not null,
    kind     varchar(40) not null,
    ref_id   bigint      not null,
    primary key (mail_id, position)
);
