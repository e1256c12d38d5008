-- referral-service: the partner-agency directory (関係機関の名簿), shaped after Open Referral HSDS 3.x.

-- An agency (HSDS organization). Its id is a slug, the agency_id claim of its Keycloak client's
-- tokens; hsds_id is the UUID the HSDS view answers for it (HSDS ids are UUIDs).
create table agency (
    id                        text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(id) <= 63),
    hsds_id                   uuid        not null unique,
    version                   bigint      not null,
    name                      text        not null,
    description               text        not null,
    kind                      text        not null,
    municipality              text        not null,
    parent_id                 text references agency (id),
    email                     text,
    website                   text,
    -- read whole, never queried into: {name, address {postalCode, prefecture, municipality, street}, transportation}
    location                  jsonb,
    -- {department, email, phones [{number, kind, description}]}
    contact                   jsonb,
    -- whether it takes referrals now (after SDOHCC 3.0 HealthcareService capacity)
    accepting_referrals       boolean     not null,
    available_slots           int check (available_slots >= 0),
    capacity_note             text,
    capacity_updated_at       timestamptz not null,
    -- the centers' own notes on working with the agency: never in the HSDS view, never to the agency
    notes                     text,
    -- where referral notifications go (Standard Webhooks); the secret is write-only through the API
    webhook_url               text,
    webhook_secret            text,
    webhook_secret_rotated_at timestamptz,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    check (parent_id is null or parent_id <> id),
    check (webhook_secret is null or webhook_url is not null)
);
create index agency_kind on agency (kind, id);
create index agency_municipality on agency (municipality, id);
create index agency_accepting on agency (accepting_referrals, id);
create index agency_parent on agency (parent_id);

-- What an agency offers (HSDS service), in the order the agency lists them.
create table agency_service (
    id                  uuid primary key,
    agency_id           text        not null references agency (id) on delete cascade,
    position            int         not null,
    name                text        not null,
    description         text,
    status              text        not null,
    eligibility         text,
    application_process text,
    updated_at          timestamptz not null
);
create index agency_service_agency on agency_service (agency_id, position, id);

-- The municipalities an agency serves (HSDS service_area).
create table agency_service_area (
    agency_id    text not null references agency (id) on delete cascade,
    municipality text not null,
    primary key (agency_id, municipality)
);
create index agency_service_area_municipality on agency_service_area (municipality, agency_id);
