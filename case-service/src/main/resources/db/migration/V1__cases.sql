-- case-service: a case from the family's first consultation to closure.

-- Every change to a case (or to who may see it) takes the next number: the delta feed's clock.
create sequence case_change_seq;

create table support_case (
    id                      uuid primary key,
    center_id               text        not null,
    case_number             text        not null,
    phase                   text        not null,
    status                  text        not null,
    version                 bigint      not null,
    team_version            bigint      not null default 0,
    change_seq              bigint      not null default nextval('case_change_seq'),
    opened_at               timestamptz not null,
    opened_by               text        not null,
    updated_at              timestamptz not null,
    -- intake (相談受付)
    intake_received_at      timestamptz not null,
    intake_channel          text        not null,
    consultant_relation     text        not null,
    consultant_name         text,
    intake_summary          text,
    -- the subject (本人)
    family_name             text        not null,
    given_name              text        not null,
    family_name_kana        text        not null,
    given_name_kana         text        not null,
    birth_date              date,
    birth_year              int,
    gender                  text,
    address                 text,
    withdrawal_since        text        not null,
    interests               jsonb       not null default '[]',
    household               jsonb       not null default '[]',
    -- search keys: width and kana folded (see KanaFolding)
    kana_key                text        not null,
    family_kana_key         text        not null,
    given_kana_key          text        not null,
    name_key                text        not null,
    family_name_key         text        not null,
    -- current state derived from the history below
    crisis_urgency          text        not null default 'NONE',
    home_visits_ended_on    date,
    home_visit_end_reason   text,
    closed_at               timestamptz,
    -- from visit-service's events: the case is overdue for a visit since then (null: not overdue)
    visit_overdue_since     timestamptz,
    constraint support_case_number_unique unique (center_id, case_number)
);
-- keyset pages compare (updated_at, id) as a row: ascending indexes, read backwards for newest first
create index support_case_center_list on support_case (center_id, updated_at, id);
create index support_case_center_phase on support_case (center_id, phase, updated_at, id);
create index support_case_center_change on support_case (center_id, change_seq);
create index support_case_kana on support_case (center_id, kana_key text_pattern_ops);
create index support_case_family_kana on support_case (center_id, family_kana_key text_pattern_ops);
create index support_case_given_kana on support_case (center_id, given_kana_key text_pattern_ops);
create index support_case_name on support_case (center_id, name_key text_pattern_ops);
create index support_case_family_name on support_case (center_id, family_name_key text_pattern_ops);
create index support_case_crisis on support_case (center_id, updated_at, id) where crisis_urgency <> 'NONE';

-- every update moves the case on the change clock (the delta feed), whatever changed
create function support_case_changed() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('case_change_seq');
    return new;
end
$$;
create trigger support_case_change_seq before update on support_case
    for each row execute function support_case_changed();

-- Case numbers C-<year>-<6 digits>, per center and year, without gaps: the counter row is locked
-- by the opening transaction and rolls back with it.
create table case_number_counter (
    center_id text not null,
    year      int  not null,
    last_seq  int  not null,
    primary key (center_id, year)
);

create table team_member (
    case_id   uuid not null references support_case (id),
    position  int  not null,
    kind      text not null,
    user_id   text,
    agency_id text,
    role      text not null,
    primary key (case_id, position)
);
create index team_member_user on team_member (user_id, case_id);

-- Who lost sight of a case, and when (by the change clock): tombstones of the delta feed.
create table team_departure (
    case_id    uuid   not null references support_case (id),
    user_id    text   not null,
    change_seq bigint not null,
    primary key (case_id, user_id, change_seq)
);
create index team_departure_user on team_departure (user_id, change_seq);

create table assessment (
    id                               uuid primary key,
    case_id                          uuid        not null references support_case (id),
    assessed_on                      date        not null,
    recorded_at                      timestamptz not null,
    recorded_by                      text        not null,
    developmental_history            text,
    withdrawal_degree                text        not null,
    mental_state_notes               text,
    suspected_untreated_illness      boolean     not null,
    intellectual_disability_suspected boolean    not null,
    family_relations                 text,
    family_condition                 text,
    stigma                           text,
    consultation_history             text,
    family_capacity                  text        not null,
    family_capacity_notes            text,
    crisis_urgency                   text        not null,
    crisis_factors                   jsonb       not null default '[]'
);
create index assessment_case on assessment (case_id, recorded_at desc, id desc);

create table plan_revision (
    case_id         uuid        not null references support_case (id),
    revision        int         not null,
    goal            text        not null,
    prospect        text,
    home_visit_role text,
    subject_needs   text,
    family_needs    text,
    reason          text        not null,
    revised_at      timestamptz not null,
    revised_by      text        not null,
    primary key (case_id, revision)
);

create table phase_transition (
    id              uuid primary key,
    case_id         uuid        not null references support_case (id),
    from_phase      text        not null,
    to_phase        text        not null,
    stepped_back    boolean     not null,
    reason          text        not null,
    transitioned_at timestamptz not null,
    transitioned_by text        not null
);
create index phase_transition_case on phase_transition (case_id, transitioned_at, id);

create table crisis_plan (
    case_id                uuid primary key references support_case (id),
    version                bigint      not null,
    contacts               jsonb       not null,
    instructions           text        not null,
    shared_with_family_on  date,
    updated_at             timestamptz not null,
    updated_by             text        not null
);

create table crisis (
    id          uuid primary key,
    case_id     uuid        not null references support_case (id),
    occurred_at timestamptz not null,
    kinds       jsonb       not null,
    description text,
    actions     jsonb       not null,
    reported_at timestamptz not null,
    reported_by text        not null
);
create index crisis_case on crisis (case_id, occurred_at desc, id desc);

create table concern (
    id          uuid primary key,
    case_id     uuid        not null references support_case (id),
    version     bigint      not null,
    kind        text        not null,
    category    text        not null,
    raised_by   text        not null,
    status      text        not null,
    description text,
    actions     jsonb       not null default '[]',
    raised_at   timestamptz not null,
    updated_at  timestamptz not null
);
create index concern_case on concern (case_id, raised_at desc, id desc);

create table milestone (
    id          uuid primary key,
    case_id     uuid        not null references support_case (id),
    kind        text        not null,
    reached_on  date        not null,
    note        text,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index milestone_case on milestone (case_id, reached_on, id);

-- Closures, reopenings and ends of home visits, with their reasons.
create table lifecycle_change (
    id         uuid primary key,
    case_id    uuid        not null references support_case (id),
    kind       text        not null,
    reason     text        not null,
    note       text,
    changed_at timestamptz not null,
    changed_by text        not null
);
create index lifecycle_change_case on lifecycle_change (case_id, changed_at, id);

-- The case's story: its own changes and what it learned of visits and referrals from events.
-- Only ids, enums and dates: the free text stays in the rows it refers to.
create table timeline_entry (
    id          uuid primary key,
    -- insertion order: breaks ties between entries of the same instant
    seq         bigint generated always as identity,
    case_id     uuid        not null,
    center_id   text        not null,
    occurred_at timestamptz not null,
    kind        text        not null,
    ref_id      uuid,
    attributes  jsonb       not null default '{}'
);
create index timeline_entry_case on timeline_entry (case_id, occurred_at, seq);
create index timeline_entry_center_kind on timeline_entry (center_id, kind, occurred_at);
