-- The case view (platform/case-view): what a service knows of each case it does not own, from
-- case-events or, until they arrive, from case-service itself. Versions 0.500.x: after the kit's
-- own tables (db/platform, 0.x), before every service's tables (db/migration, 1+).
create table case_scope (
    case_id    uuid primary key,
    center_id  text        not null,
    phase      text        not null,
    status     text        not null,
    source     text        not null,  -- EVENTS or CASE_SERVICE
    updated_at timestamptz not null
);
-- the people of the case's team (agencies do not sign in to these services)
create table case_scope_member (
    case_id uuid not null references case_scope (case_id) on delete cascade,
    user_id text not null,
    role    text not null,
    primary key (case_id, user_id)
);
create index case_scope_member_user on case_scope_member (user_id, case_id);
