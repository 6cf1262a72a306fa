-- Routing rules (分办规则) kept by the administrator: a message whose category, keywords or place names match a rule
-- is suggested to the rule's unit; the highest priority wins. Keywords and places are stored as one line each,
-- separated by commas, because they are edited as text and matched in Java.
create sequence routing_rule_seq increment by 50 start with 50;

create table routing_rule (
    id          bigint primary key,
    unit_id     bigint       not null references unit (id),
    category_id bigint references category (id),
    keywords    varchar(1000),
    places      varchar(1000),
    priority    integer      not null default 0,
    active      boolean      not null default true,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);
create index routing_rule_active_idx on routing_rule (priority desc, id) where active;

-- The returns report: returned cases by the time they were returned.
create index case_returned_idx on handling_case (returned_at) where returned_at is not null;
