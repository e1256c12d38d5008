-- What every case of the load is to be, decided once in case-service's database and copied to the
-- other two: no names or free text (visit- and referral-service never hold them).
create temp table national_case (
    n              int primary key,
    id             uuid        not null,
    center_id      text        not null,
    phase          text        not null,
    phase_index    int         not null,
    status         text        not null,
    opened_at      timestamptz not null,
    closed_at      timestamptz,
    primary_user   text        not null,
    secondary_user text,
    peer_user      text,
    interval_days  int,
    visit_count    int         not null,
    last_visit_at  timestamptz,
    overdue        boolean     not null,
    scheduled      boolean     not null,
    referral_count int         not null
);
