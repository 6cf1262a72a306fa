-- Routing speed (issue #5): each message's suggested lead unit, computed once in bulk when the daily batch gathers it
-- (or, for a batch gathered before this migration, when a leader first opens or approves it). The forwarding slip
-- prints it, the leader's page shows it and "approve all" applies it, so all three agree even if a routing rule
-- changes afterwards. why: RULE_KEYWORD, RULE_PLACE, RULE_CATEGORY, SIMILAR, CITIZEN, or NONE (no unit: 待定).
create table routing_suggestion (
    message_id  bigint primary key references message (id),
    unit_id     bigint references unit (id),
    why         varchar(20)  not null
        check (why in ('RULE_KEYWORD', 'RULE_PLACE', 'RULE_CATEGORY', 'SIMILAR', 'CITIZEN', 'NONE')),
    detail      varchar(200),
    computed_at timestamptz  not null,
    check ((why = 'NONE') = (unit_id is null))
);

-- Approve-all takes a batch's waiting messages a chunk at a time, grouped by suggested unit.
create index message_batch_waiting_idx on message (batch_id, id) where status = 'BATCHED';
