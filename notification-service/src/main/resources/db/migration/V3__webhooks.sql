-- Partner webhooks after Standard Webhooks 1.0 (PartnerWebhooks queues, WebhookDispatcher sends).

-- One event told to one agency; its id is the webhook-id header, the same on every attempt.
create table webhook_delivery (
    id               uuid        primary key,
    event_id         uuid        not null,
    agency_id        text        not null,
    type             text        not null,
    -- the exact body sent and signed: {type, timestamp, data}, ids and enums only
    payload          text        not null,
    state            text        not null check (state in ('PENDING', 'DELIVERED', 'DEAD', 'DISABLED', 'NO_ENDPOINT')),
    attempts         integer     not null default 0,
    round_attempts   integer     not null default 0,
    round_started_at timestamptz,
    next_attempt_at  timestamptz,
    created_at       timestamptz not null,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_http_status integer,
    last_failure     text,
    -- a redelivered event queues nothing more
    constraint webhook_delivery_once unique (event_id, agency_id),
    constraint webhook_delivery_due_when_pending check ((state = 'PENDING') = (next_attempt_at is not null))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where state = 'PENDING';
create index webhook_delivery_newest on webhook_delivery (created_at desc, id desc);
create index webhook_delivery_agency on webhook_delivery (agency_id, created_at desc, id desc);
create index webhook_delivery_state on webhook_delivery (state, created_at desc, id desc);

-- Every attempt: its HTTP status or why there was none, how long; never the answer's body.
create table webhook_attempt (
    id           bigint      generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id),
    number       integer     not null,
    attempted_at timestamptz not null,
    http_status  integer,
    failure      text,
    duration_ms  bigint      not null,
    constraint webhook_attempt_once unique (delivery_id, number),
    constraint webhook_attempt_status_or_failure check ((http_status is null) <> (failure is null))
);

-- An agency's endpoint that answered 410 Gone: no delivery goes to it while its URL and secret
-- (their fingerprint, never the URL or the secret themselves) stay the same, or until an admin retries.
create table webhook_endpoint_disabled (
    agency_id            text        primary key,
    endpoint_fingerprint text        not null,
    disabled_at          timestamptz not null,
    delivery_id          uuid        not null references webhook_delivery (id)
);

-- Which agency each referral went to, and on which consent: a withdrawn consent tells each agency of its own.
create table webhook_referral (
    referral_id uuid primary key,
    agency_id   text not null,
    consent_id  uuid
);
create index webhook_referral_consent on webhook_referral (consent_id);
