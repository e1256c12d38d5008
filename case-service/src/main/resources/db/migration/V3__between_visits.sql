-- The work between visits: consultations of a case, inquiries that are not (yet) a case, and case
-- conferences. The activity report counts them by center and period.

-- A consultation (相談) after intake: by phone, at the center, by e-mail... Append-only: a
-- correction keeps the earlier version in consultation_revision, as visits do.
create table consultation (
    id               uuid primary key,
    case_id          uuid        not null references support_case (id),
    center_id        text        not null,
    version          bigint      not null,
    occurred_at      timestamptz not null,
    channel          text        not null,
    consulted_with   text        not null,
    relation         text,
    duration_minutes int,
    topics           jsonb       not null default '[]',
    notes            text,
    recorded_at      timestamptz not null,
    recorded_by      text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null
);
create index consultation_case on consultation (case_id, occurred_at, id);
create index consultation_center on consultation (center_id, occurred_at);

create table consultation_revision (
    consultation_id uuid        not null references consultation (id),
    version         bigint      not null,
    snapshot        jsonb       not null,  -- the consultation's fields as they were
    revised_at      timestamptz not null,
    revised_by      text        not null,
    primary key (consultation_id, version)
);

-- An inquiry (問い合わせ) that did not become a case: never a name, only who asked, about whom
-- (age band, gender, if said), what, and where they were sent. One may become a case later.
create table inquiry (
    id             uuid primary key,
    center_id      text        not null,
    version        bigint      not null,
    occurred_at    timestamptz not null,
    channel        text        not null,
    consulted_with text        not null,
    relation       text,
    age_band       text,
    gender         text,
    topics         jsonb       not null default '[]',
    referred_to    text,  -- an agency kind
    case_id        uuid references support_case (id),  -- the case it became
    recorded_at    timestamptz not null,
    recorded_by    text        not null
);
create index inquiry_center on inquiry (center_id, occurred_at, id);
create unique index inquiry_case on inquiry (case_id) where case_id is not null;

-- The inquiry a case was opened from; null for a case opened from any other consultation.
alter table support_case add column inquiry_id uuid references inquiry (id);

-- A case conference (事例検討会): who attended, the needs reviewed (the subject's and the family's
-- apart), what was decided, when to review again, and the plan revision it produced.
create table conference (
    id                  uuid primary key,
    case_id             uuid        not null references support_case (id),
    held_on             date        not null,
    attendee_user_ids   jsonb       not null default '[]',
    attendee_agency_ids jsonb       not null default '[]',
    subject_needs       text,
    family_needs        text,
    decisions           text,
    next_review_on      date,
    plan_revision       int,
    recorded_at         timestamptz not null,
    recorded_by         text        not null
);
create index conference_case on conference (case_id, held_on, id);

-- The plan revision a conference produced keeps the link back to it.
alter table plan_revision add column conference_id uuid references conference (id);

-- When the case is next due for review (from its latest conference); null when none is set.
alter table support_case add column next_review_on date;
create index support_case_review_due on support_case (center_id, next_review_on, id)
    where next_review_on is not null and status = 'OPEN';
