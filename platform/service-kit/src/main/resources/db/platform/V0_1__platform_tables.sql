-- Tables every Tsunagu service has: outbox, inbox, audit trail, idempotency keys.

-- Transactional outbox: events written with the change that caused them, published by the relay.
create table outbox_event (
    seq           bigint generated always as identity primary key,
    id            uuid        not null unique,
    event_type    text        not null,
    topic         text        not null,
    partition_key text        not null,
    source        text        not null,
    occurred_at   timestamptz not null,
    payload       jsonb       not null,
    published_at  timestamptz,
    attempts      int         not null default 0,
    last_error    text
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Inbox: each consumed event id once per consumer, written with the event's effect.
create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Audit trail: who did or read what, when, from where. Append-only, enforced by the database.
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor_id       text        not null,
    actor_roles    text        not null,
    center_id      text,
    agency_id      text,
    action         text        not null,
    object_type    text        not null,
    object_id      text,
    outcome        text        not null,
    request_id     text,
    remote_address text
);
create index audit_entry_object on audit_entry (object_type, object_id, id);
create index audit_entry_center on audit_entry (center_id, id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only';
end
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Idempotency keys of creating POSTs: the first answer, replayed for 24 h.
create table idempotency_key (
    caller_id       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    claimed_at      timestamptz not null,
    completed_at    timestamptz,
    status          int,
    content_type    text,
    body            text,
    location        text,
    etag            text,
    primary key (caller_id, idempotency_key)
);
create index idempotency_key_claimed on idempotency_key (claimed_at);
