-- Intake: the leaders' list of major messages not yet routed (IntakeService.openMajorAlerts) reads only these few
-- rows instead of scanning every message.
create index message_major_open_idx on message (registered_at desc)
    where severity in ('MAJOR', 'EXTRAORDINARY') and status in ('REGISTERED', 'BATCHED');
