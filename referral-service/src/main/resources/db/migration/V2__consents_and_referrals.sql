-- referral-service: consent to share (情報提供への同意) and referrals to and from partner agencies.

-- The delta feed's clock for the partner API: every change of a referral.
create sequence referral_change_seq;

-- A consent to share a case's information with agencies (the ledger: never deleted, withdrawn).
create table consent (
    id              uuid primary key,
    case_id         uuid        not null,
    center_id       text        not null,
    version         bigint      not null,
    granted_by      text        not null,  -- SUBJECT / GUARDIAN / FAMILY
    agency_ids      jsonb       not null,  -- ["tokyo-health-center", ...]
    agency_kinds    jsonb       not null,  -- ["PUBLIC_HEALTH_CENTER", ...]
    purposes        jsonb       not null,  -- ["BACKUP", ...]
    method          text        not null,  -- WRITTEN / VERBAL
    granted_on      date        not null,
    expires_on      date,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    withdrawn_on    date,
    withdrawn_at    timestamptz,
    withdrawn_by    text,
    check (expires_on is null or expires_on >= granted_on),
    check ((withdrawn_on is null) = (withdrawn_at is null) and (withdrawn_on is null) = (withdrawn_by is null))
);
create index consent_case on consent (case_id, granted_on desc, id);

-- A referral: OUTBOUND from a case to an agency, or INBOUND from an agency to a center.
create table referral (
    id                        uuid primary key,
    direction                 text        not null,
    center_id                 text        not null,
    agency_id                 text        not null references agency (id),
    agency_kind               text        not null,
    -- the case referred (outbound), or the case the center opened from it (inbound, once opened)
    case_id                   uuid,
    version                   bigint      not null,
    change_seq                bigint      not null default nextval('referral_change_seq'),
    status                    text        not null,
    purpose                   text,
    reasons                   jsonb       not null,
    urgency                   text        not null,
    -- the minimum the agency needs, written for it (free text: never in events or logs)
    shared_summary            text        not null,
    legal_basis               text,
    consent_id                uuid references consent (id),
    justification             text,
    respond_by                timestamptz,
    -- inbound: {contactPerson {name, relation, phone}, concern, consentHeld, doNotContactDirectly}
    inbound                   jsonb,
    status_reason_code        text,
    status_reason_text        text,
    outcome                   text,
    created_by                text        not null,
    created_at                timestamptz not null,
    requested_at              timestamptz,
    first_viewed_at           timestamptz,
    answered_at               timestamptz,
    completed_at              timestamptz,
    closed_at                 timestamptz,
    updated_at                timestamptz not null,
    check (direction in ('OUTBOUND', 'INBOUND')),
    check (direction = 'INBOUND' or (case_id is not null and purpose is not null and legal_basis is not null)),
    check (legal_basis is distinct from 'CONSENT' or consent_id is not null),
    check (legal_basis is distinct from 'VITAL_INTEREST' or justification is not null),
    check (direction = 'OUTBOUND' or inbound is not null)
);
create index referral_center on referral (center_id, created_at desc, id);
create index referral_case on referral (case_id, created_at desc, id);
create index referral_consent on referral (consent_id) where consent_id is not null;
create index referral_agency_change on referral (agency_id, change_seq);
create index referral_awaiting on referral (respond_by) where status = 'REQUESTED';

create function referral_changed() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('referral_change_seq');
    return new;
end
$$;
create trigger referral_change_seq before update on referral for each row execute function referral_changed();

-- Every step of a referral's story, oldest first: who moved it, from which side, how the answer came.
create table referral_step (
    referral_id  uuid        not null references referral (id),
    seq          int         not null,
    at           timestamptz not null,
    party        text        not null,  -- CENTER / AGENCY
    by_user      text        not null,
    channel      text        not null,  -- API / PHONE / FAX / SYSTEM
    from_status  text,
    to_status    text,
    reason_code  text,
    reason_text  text,
    outcome      text,
    note         text,
    primary key (referral_id, seq),
    check (to_status is not null or note is not null)
);

-- A referral's overdue notice, once: the key makes a second replica's insert a no-op.
create table referral_overdue_notice (
    referral_id uuid primary key references referral (id),
    respond_by  timestamptz not null,
    emitted_at  timestamptz not null
);
