-- Issue 8, administration of people: "sign out everywhere" and sign-in throttling per client address.

-- Sessions that began at or before this moment are ended by the back office's filter on their next request.
alter table person add column sessions_valid_after timestamptz;

-- Failed sign-ins per client address, kept only for the counting window (several instances share them).
create table sign_in_failure (
    address   varchar(64) not null,
    failed_at timestamptz not null
);
create index sign_in_failure_address_idx on sign_in_failure (address, failed_at);
create index sign_in_failure_time_idx on sign_in_failure (failed_at);

-- An address refused until the given moment after too many failures.
create table sign_in_block (
    address       varchar(64) primary key,
    blocked_until timestamptz not null
);

-- Liaisons are listed by unit on the units page.
create index person_unit_person_idx on person_unit (person_id);
