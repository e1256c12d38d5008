-- notification-service: the inbox of every user, crisis alerts and their escalation, visit reminders.
-- No names, notes or free text anywhere: ids, enums and dates only, like the events they come from.

-- One row per recipient. `seq` is the recipient's own sequence (the SSE event id): it is taken from
-- recipient_sequence under a row lock, so a recipient's notifications commit in seq order and a
-- stream resumed after seq N misses none.
create table notification (
    id           uuid primary key,
    recipient_id text        not null,
    seq          bigint      not null,
    kind         text        not null,
    center_id    text,                  -- none for the operators' notices
    case_id      uuid,
    subject_type text        not null,
    subject_id   uuid        not null,
    facts        jsonb       not null,  -- enums, ids and dates for the message (NotificationText)
    cause        text        not null,  -- what made it: the event id, or an alert's escalation step
    alert_id     uuid,
    created_at   timestamptz not null,
    read_at      timestamptz,
    unique (recipient_id, seq),
    unique (recipient_id, cause, kind)   -- a cause notifies a recipient once, whoever processes it
);
create index notification_unread on notification (recipient_id, seq) where read_at is null;
create index notification_alert on notification (alert_id) where alert_id is not null;

create table recipient_sequence (
    recipient_id text primary key,
    last_seq     bigint not null
);

-- A crisis alert: raised by a crisis report or an IMMINENT assessment, acknowledged once, escalated
-- to every supervisor of the center until then (one escalation per step, whichever replica).
create table crisis_alert (
    id                 uuid primary key,
    case_id            uuid        not null,
    center_id          text        not null,
    cause              text        not null unique,  -- the event that raised it
    origin             text        not null,         -- CRISIS_REPORTED or ASSESSMENT_IMMINENT
    raised_at          timestamptz not null,
    escalations        int         not null default 0,
    next_escalation_at timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    version            bigint      not null default 0
);
create index crisis_alert_due on crisis_alert (next_escalation_at) where acknowledged_at is null;

-- What happened to an alert, in order: raised, escalated (step n), acknowledged.
create table crisis_alert_step (
    alert_id   uuid        not null references crisis_alert (id),
    step_no    int         not null,
    what       text        not null,  -- RAISED, ESCALATED, ACKNOWLEDGED
    at         timestamptz not null,
    actor      text,                  -- the user who acknowledged
    recipients int         not null,  -- how many were told
    primary key (alert_id, step_no)
);

-- Visits scheduled (visit.scheduled.v1), for the reminder the day before; recorded ones are done.
create table scheduled_visit (
    visit_id      uuid primary key,
    case_id       uuid        not null,
    center_id     text        not null,
    scheduled_for timestamptz not null,
    kind          text        not null,
    visitors      jsonb       not null,  -- user ids
    recorded      boolean     not null default false,
    reminded_at   timestamptz
);
create index scheduled_visit_due on scheduled_visit (scheduled_for) where reminded_at is null and not recorded;
