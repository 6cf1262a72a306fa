-- What a case's due date is counted from, so that it can be recomputed when the calendar changes: the granted
-- extension days (summed) and the moment a case was reopened (重办) after an unsatisfied rating.
alter table handling_case add column extension_days integer not null default 0 check (extension_days >= 0);
alter table handling_case add column reopened_at timestamptz;
alter table handling_case add column reopen_count integer not null default 0;
