-- Supervision (督办): what the deadline scan has already done, so that it does each thing exactly once however often
-- it runs, however many instances run it, and after a restart; notice numbers per year; bulletin lines and PDFs.

-- One reminder (催办) per case and due date: a new due (extension, recomputation) gets a new reminder.
create table case_reminder (
    case_id     bigint      not null references handling_case (id),
    due_at      timestamptz not null,
    reminded_at timestamptz not null,
    primary key (case_id, due_at)
);

-- One first-response alert to the leaders per case (重大/特别重大 without a submitted reply in time).
create table first_response_alert (
    case_id    bigint      primary key references handling_case (id),
    alerted_at timestamptz not null
);

-- The deadline state the scan last recorded for an open case, and since when; transitions are audited.
create table case_deadline (
    case_id          bigint      primary key references handling_case (id),
    state            varchar(20) not null check (state in ('ON_TIME', 'DUE_SOON', 'OVERDUE', 'OVERDUE_UNANSWERED')),
    due_at           timestamptz not null,
    state_changed_at timestamptz not null
);
create index case_deadline_state_idx on case_deadline (state);

-- Notice numbers, gapless per year: one row per year, incremented under its row lock.
create table notice_number (
    year        integer primary key,
    last_number integer not null
);
insert into notice_number (year, last_number) select year, max(number) from overdue_notice group by year;

-- A notice is answered by the unit's reply (linked by the scan) or an explanation (情况说明).
create index notice_open_idx on overdue_notice (case_id) where answered_at is null;

-- Bulletins: a title, the leader's comment when sent back, the PDF kept when published, and one line per unit.
alter table bulletin drop constraint bulletin_status_check;
alter table bulletin add constraint bulletin_status_check
    check (status in ('DRAFT', 'SENT_BACK', 'APPROVED', 'PUBLISHED'));
alter table bulletin add column title varchar(200) not null default '';
alter table bulletin add column review_comment varchar(2000);
alter table bulletin add column pdf bytea;
create index bulletin_published_idx on bulletin (published_at desc) where status = 'PUBLISHED';

create table bulletin_line (
    bulletin_id      bigint       not null references bulletin (id),
    position         integer      not null,
    unit_id          bigint       not null references unit (id),
    unit_name        varchar(200) not null,
    due_count        integer      not null,
    on_time_count    integer      not null,
    unanswered_count integer      not null,
    primary key (bulletin_id, position)
);

-- The board and the scan read open cases by due date with their message's severity and batch; the answered test
-- looks up replies by case (reply's unique (case_id, revision) serves) and the lead case by message.
create index case_open_unit_due_idx on handling_case (unit_id, due_at)
    where status not in ('CLOSED', 'RETURNED', 'PUBLISHED');
create index case_message_role_idx on handling_case (message_id, unit_role);
