-- Scheduled work (the daily batch, the deadline scan, reminders) is claimed through this table: a job runs when its
-- next_run_at has come and an instance takes its lease with one conditional UPDATE, so that with several application
-- instances on one database each run happens once, and a run missed while every instance was down happens at the next
-- start. A lease that is not released (a crash mid-run) expires and another instance runs the job again.
create table scheduled_job (
    name             varchar(60) primary key,
    next_run_at      timestamptz not null,
    lease_owner      varchar(100),
    lease_until      timestamptz,
    last_started_at  timestamptz,
    last_finished_at timestamptz,
    last_outcome     varchar(500),
    runs             bigint      not null default 0
);
