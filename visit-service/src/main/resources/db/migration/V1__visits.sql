-- visit-service: visit plans, visit logs, and the watch on cadence.

-- The delta feed's clock: every change of a visit, and every loss of sight of a case's visits.
create sequence visit_change_seq;

-- What visit-service knows of each case, from case-events (or, until its events arrive, from
-- case-service itself): every authorization decision is made on it.
create table case_view (
    case_id    uuid primary key,
    center_id  text        not null,
    phase      text        not null,
    status     text        not null,
    source     text        not null,
    updated_at timestamptz not null
);
create table case_view_member (
    case_id uuid not null references case_view (case_id) on delete cascade,
    user_id text not null,
    role    text not null,
    primary key (case_id, user_id)
);
create index case_view_member_user on case_view_member (user_id, case_id);

-- Who left a case's team, and when by the visits' change clock: tombstones of the delta feed.
create table case_view_departure (
    case_id    uuid   not null,
    user_id    text   not null,
    change_seq bigint not null,
    primary key (case_id, user_id, change_seq)
);
create index case_view_departure_user on case_view_departure (user_id, change_seq);

-- How to visit a case (訪問の計画).
create table visit_plan (
    case_id          uuid primary key,
    version          bigint      not null,
    interval_days    int         not null,
    preferred_time   text,
    duration_minutes int,
    companions       jsonb       not null default '[]',
    prepared_topics  jsonb       not null default '[]',
    proposal_route   text,
    updated_at       timestamptz not null,
    updated_by       text        not null
);

-- Visits, recorded or scheduled. occurred_at is when it happened (or will); received_at when it
-- reached the server (offline clients send later).
create table visit (
    id                          uuid primary key,
    case_id                     uuid        not null,
    center_id                   text        not null,
    version                     bigint      not null,
    change_seq                  bigint      not null default nextval('visit_change_seq'),
    status                      text        not null,
    kind                        text        not null,
    occurred_at                 timestamptz not null,
    received_at                 timestamptz not null,
    updated_at                  timestamptz not null,
    recorded_by                 text        not null,
    duration_minutes            int,
    visitors                    jsonb       not null,
    outcome                     text,
    left_behind                 jsonb       not null default '[]',
    time_alone_with_subject     boolean,
    topics                      jsonb       not null default '[]',
    activity                    text,
    next_visit_consent          text,
    next_visit_at               timestamptz,
    next_visit_interval_days    int,
    next_visit_duration_minutes int,
    observations                text,
    notes                       text,
    -- the hash of the creating request: the same client-made id with another body is a conflict
    request_hash                text        not null
);
create index visit_case on visit (case_id, occurred_at, id);
create index visit_center_time on visit (center_id, occurred_at, id);
create index visit_center_change on visit (center_id, change_seq);
create index visit_visitors on visit using gin (visitors jsonb_path_ops);
create index visit_scheduled on visit (occurred_at) where status = 'SCHEDULED';

create function visit_changed() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('visit_change_seq');
    return new;
end
$$;
create trigger visit_change_seq before update on visit for each row execute function visit_changed();

-- Every earlier version of a visit, as it was shown (corrections keep history).
create table visit_revision (
    visit_id   uuid        not null references visit (id),
    version    bigint      not null,
    snapshot   jsonb       not null,  -- the visit's fields as they were (VisitSnapshot)
    revised_at timestamptz not null,
    revised_by text        not null,
    primary key (visit_id, version)
);

-- The watch that nobody is forgotten, per case, kept up to date on every visit and plan change.
create table cadence (
    case_id          uuid primary key,
    center_id        text not null,
    last_visit_on    date,
    last_met_on      date,
    not_met_streak   int  not null,
    interval_days    int,
    due_on           date,
    updated_at       timestamptz not null
);
create index cadence_center_due on cadence (center_id, due_on);

-- visit.overdue.v1 goes out once per case, due date and interval missed: the key makes sure of it
-- when several replicas run the watch.
create table overdue_notice (
    case_id          uuid        not null,
    due_on           date        not null,
    intervals_missed int         not null,
    emitted_at       timestamptz not null,
    primary key (case_id, due_on, intervals_missed)
);
