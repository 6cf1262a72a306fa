-- Deadline policies as they were in force over time: a policy change applies to cases opened (routed) after it, so
-- recomputing an older case's due after a calendar change uses the policy it was opened under. The current policy
-- stays in the setting rows deadline.*; a row here is written with every change (the first change also records the
-- policy that was in force before it, from the epoch).
create table deadline_policy_version (
    id                 bigint primary key,
    effective_from     timestamptz not null unique,
    normal_days        integer     not null check (normal_days >= 1),
    urgent_days        integer     not null check (urgent_days >= 1),
    cap_days           integer     not null check (cap_days >= normal_days and cap_days >= urgent_days),
    working_days       boolean     not null,
    end_of_working_day time        not null,
    changed_by         varchar(60)
);
create sequence deadline_policy_version_seq increment by 50 start with 50;

-- Recomputing due dates walks the open cases in id order, a page at a time.
create index case_open_id_idx on handling_case (id) where status in ('ROUTED', 'DRAFTING', 'UNDER_REVIEW', 'APPROVED');
