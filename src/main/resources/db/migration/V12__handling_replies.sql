-- Handling (issue #6): the drafts' kept versions, corrections, files attached to replies, extension decisions.

-- Every save of a draft keeps the text it saved (the reply row holds only the latest), so the case record shows
-- how a reply grew and a conflicting save can be shown what the other liaison wrote.
create sequence reply_draft_seq increment by 50 start with 50;
create table reply_draft (
    id         bigint primary key,
    reply_id   bigint      not null references reply (id),
    number     integer     not null,
    body_html  text        not null,
    saved_by   varchar(60) not null,
    saved_at   timestamptz not null,
    autosave   boolean     not null default false,
    unique (reply_id, number)
);

-- A correction (更正) is a new approved revision that replaces a published one; the old one becomes SUPERSEDED.
alter table reply add column corrects_id bigint references reply (id);

-- The leader's words when granting or refusing an extension.
alter table extension_request add column decision_comment varchar(1000);
create index extension_pending_idx on extension_request (requested_at) where decision is null;

-- The review queue and the publication list.
create index reply_case_idx on reply (case_id, revision);
create index reply_status_idx on reply (status) where status in ('SUBMITTED', 'APPROVED');
create index attachment_reply_idx on attachment (reply_id) where reply_id is not null;
create index case_reopened_idx on handling_case (reopened_at) where reopened_at is not null;
