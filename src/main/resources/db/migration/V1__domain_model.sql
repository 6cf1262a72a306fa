-- The data model of the domain (../shared/domain.md): units and people, messages and their attachments, the daily
-- batch, cases in units with replies and extensions, ratings, overdue notices and bulletins, the audit trail, the
-- working-day calendar and settings. Timestamps are timestamptz; keys come from sequences that hand out blocks of
-- 50 so that the JPA layer inserts in batches (EclipseLink takes the block that ends at the value it draws, so a
-- sequence starts at its block size). Indexes serve the pages that must stay fast with 1M+ messages.

create sequence unit_seq increment by 50 start with 50;
create sequence person_seq increment by 50 start with 50;
create sequence category_seq increment by 50 start with 50;
create sequence batch_seq increment by 50 start with 50;
create sequence message_seq increment by 50 start with 50;
create sequence attachment_seq increment by 50 start with 50;
create sequence case_seq increment by 50 start with 50;
create sequence reply_seq increment by 50 start with 50;
create sequence extension_seq increment by 50 start with 50;
create sequence rating_seq increment by 50 start with 50;
create sequence notice_seq increment by 50 start with 50;
create sequence bulletin_seq increment by 50 start with 50;
-- One at a time, taken under the audit lock, so that ids follow the hash chain.
create sequence audit_seq increment by 1;

-- People and units ---------------------------------------------------------------------------------------------
create table unit (
    id          bigint primary key,
    code        varchar(40)  not null unique,
    name        varchar(200) not null,
    name_en     varchar(200),
    parent_id   bigint references unit (id),
    head_name   varchar(100),
    head_email  varchar(200),
    email       varchar(200),
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    version     bigint       not null default 0
);

create table person (
    id                   bigint primary key,
    username             varchar(60)  not null unique,
    display_name         varchar(100) not null,
    email                varchar(200),
    password_hash        varchar(500) not null,
    must_change_password boolean      not null default false,
    active               boolean      not null default true,
    failed_sign_ins      integer      not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz  not null,
    version              bigint       not null default 0
);

create table person_role (
    person_id bigint      not null references person (id),
    role      varchar(30) not null
        check (role in ('INTAKE_OFFICER', 'LEADER', 'LIAISON', 'SUPERVISOR', 'ADMINISTRATOR')),
    primary key (person_id, role)
);

-- A liaison belongs to one or more units.
create table person_unit (
    person_id bigint not null references person (id),
    unit_id   bigint not null references unit (id),
    primary key (person_id, unit_id)
);
create index person_unit_unit_idx on person_unit (unit_id);

create table category (
    id         bigint primary key,
    code       varchar(40)  not null unique,
    name       varchar(100) not null,
    name_en    varchar(100),
    sort_order integer      not null default 0,
    active     boolean      not null default true
);

-- The daily batch (批次/期): "2026年第123期".
create table batch (
    id          bigint primary key,
    year        integer     not null,
    number      integer     not null,
    cut_at      timestamptz not null,
    status      varchar(20) not null check (status in ('OPEN', 'SLIPPED', 'ROUTED')),
    routed_by   bigint references person (id),
    routed_at   timestamptz,
    version     bigint      not null default 0,
    unique (year, number)
);

-- Messages ------------------------------------------------------------------------------------------------------
create table message (
    id               bigint primary key,
    tracking_code    varchar(16)  not null unique,
    kind             varchar(20)  not null
        check (kind in ('QUESTION', 'COMPLAINT', 'SUGGESTION', 'HELP', 'OTHER')),
    category_id      bigint references category (id),
    target_unit_id   bigint references unit (id),
    title            varchar(100) not null,
    body             text         not null,
    display_name     varchar(50),
    -- Contact data is never public; issue #8 encrypts it at rest.
    contact_phone    varchar(400),
    contact_email    varchar(400),
    private_message  boolean      not null default false,
    channel          varchar(30)  not null default 'WEB',
    status           varchar(20)  not null
        check (status in ('SUBMITTED', 'HELD', 'REGISTERED', 'REJECTED', 'MERGED', 'BATCHED', 'ROUTED',
                          'HANDLING', 'REPLIED', 'CLOSED', 'ARCHIVED')),
    -- True only while the message may appear on the public board: accepted, not private, not merged.
    public_visible   boolean      not null default false,
    posted_at        timestamptz  not null,
    registered_at    timestamptz,
    registered_by    bigint references person (id),
    rejected_reason  varchar(500),
    merged_into_id   bigint references message (id),
    severity         varchar(20) check (severity in ('ORDINARY', 'SIGNIFICANT', 'MAJOR', 'EXTRAORDINARY')),
    warning_colour   varchar(10) check (warning_colour in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    urgent           boolean      not null default false,
    batch_id         bigint references batch (id),
    due_at           timestamptz,
    replied_at       timestamptz,
    closed_at        timestamptz,
    -- Chinese text segmented in Java (words plus overlapping two-character grams), indexed by PostgreSQL.
    search_text      text,
    search_vector    tsvector generated always as (to_tsvector('simple', coalesce(search_text, ''))) stored,
    version          bigint       not null default 0
);
-- The public board: newest first, only what may be shown.
create index message_board_idx on message (posted_at desc, id desc) where public_visible;
create index message_board_unit_idx on message (target_unit_id, posted_at desc) where public_visible;
create index message_board_category_idx on message (category_id, posted_at desc) where public_visible;
-- The intake queue: oldest first among the new ones.
create index message_intake_idx on message (posted_at, id) where status in ('SUBMITTED', 'HELD');
create index message_batch_idx on message (batch_id);
create index message_merged_idx on message (merged_into_id) where merged_into_id is not null;
create index message_search_idx on message using gin (search_vector);

create table attachment (
    id           bigint primary key,
    message_id   bigint       references message (id),
    reply_id     bigint,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    storage_key  varchar(200) not null unique,
    created_at   timestamptz  not null
);
create index attachment_message_idx on attachment (message_id);

-- Cases: one per unit a message is routed to (the lead unit's and each co-unit's part) -------------------------
create table handling_case (
    id                 bigint primary key,
    message_id         bigint      not null references message (id),
    unit_id            bigint      not null references unit (id),
    unit_role          varchar(10) not null check (unit_role in ('LEAD', 'CO')),
    status             varchar(20) not null
        check (status in ('ROUTED', 'DRAFTING', 'UNDER_REVIEW', 'APPROVED', 'PUBLISHED', 'RETURNED', 'CLOSED')),
    instruction        text,
    routed_by          bigint references person (id),
    routed_at          timestamptz not null,
    due_at             timestamptz not null,
    urgent             boolean     not null default false,
    returned_at        timestamptz,
    return_reason_code varchar(30),
    return_reason      varchar(1000),
    explained_at       timestamptz,
    closed_at          timestamptz,
    version            bigint      not null default 0
);
create index case_unit_inbox_idx on handling_case (unit_id, due_at) where status not in ('CLOSED', 'RETURNED');
create index case_open_due_idx on handling_case (due_at) where status not in ('CLOSED', 'RETURNED', 'PUBLISHED');
create index case_message_idx on handling_case (message_id);

create table reply (
    id             bigint primary key,
    case_id        bigint      not null references handling_case (id),
    revision       integer     not null,
    body_html      text        not null,
    status         varchar(20) not null
        check (status in ('DRAFT', 'SUBMITTED', 'SENT_BACK', 'APPROVED', 'PUBLISHED', 'SUPERSEDED')),
    drafted_by     bigint references person (id),
    updated_at     timestamptz not null,
    submitted_at   timestamptz,
    reviewed_by    bigint references person (id),
    reviewed_at    timestamptz,
    review_comment varchar(2000),
    published_at   timestamptz,
    version        bigint      not null default 0,
    unique (case_id, revision)
);
alter table attachment add constraint attachment_reply_fk foreign key (reply_id) references reply (id);

create table extension_request (
    id           bigint primary key,
    case_id      bigint        not null references handling_case (id),
    requested_by bigint        not null references person (id),
    requested_at timestamptz   not null,
    days         integer       not null check (days > 0),
    reason       varchar(1000) not null,
    decision     varchar(10)   check (decision in ('GRANTED', 'REFUSED')),
    decided_by   bigint references person (id),
    decided_at   timestamptz,
    new_due_at   timestamptz,
    version      bigint        not null default 0
);
create index extension_case_idx on extension_request (case_id);

create table rating (
    id         bigint primary key,
    message_id bigint      not null references message (id),
    reply_id   bigint      not null unique references reply (id),
    grade      varchar(20) not null check (grade in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    reason     varchar(500),
    rated_at   timestamptz not null
);
create index rating_message_idx on rating (message_id);

-- Supervision ---------------------------------------------------------------------------------------------------
create table overdue_notice (
    id          bigint primary key,
    year        integer     not null,
    number      integer     not null,
    case_id     bigint      not null references handling_case (id),
    unit_id     bigint      not null references unit (id),
    issued_by   bigint      not null references person (id),
    issued_at   timestamptz not null,
    answered_at timestamptz,
    answer_kind varchar(20) check (answer_kind in ('REPLY', 'EXPLANATION')),
    answer_text text,
    version     bigint      not null default 0,
    unique (year, number)
);
create index notice_case_idx on overdue_notice (case_id);
create index notice_unit_idx on overdue_notice (unit_id, issued_at);

create table bulletin (
    id           bigint primary key,
    period_from  date        not null,
    period_to    date        not null,
    status       varchar(20) not null check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    body         text        not null,
    created_by   bigint      not null references person (id),
    created_at   timestamptz not null,
    approved_by  bigint references person (id),
    approved_at  timestamptz,
    published_at timestamptz,
    version      bigint      not null default 0
);

-- The working-day calendar: only the exceptions to Monday-Friday (holidays and make-up working days) ------------
create table calendar_day (
    day  date primary key,
    kind varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(50) not null
);

create table setting (
    key        varchar(100) primary key,
    value      text         not null,
    updated_at timestamptz  not null,
    updated_by varchar(60)
);

-- The audit trail: append-only, each entry carries the hash of the one before it --------------------------------
create table audit_entry (
    id           bigint primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(60)  not null,
    actor_role   varchar(30),
    action       varchar(60)  not null,
    object_type  varchar(30)  not null,
    object_id    bigint,
    before_state text,
    after_state  text,
    prev_hash    char(64)     not null,
    entry_hash   char(64)     not null unique
);
create index audit_object_idx on audit_entry (object_type, object_id);
create index audit_actor_idx on audit_entry (actor, occurred_at);
create index audit_time_idx on audit_entry (occurred_at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
