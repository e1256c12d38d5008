-- notification-service: each user's preferences, and the e-mails the notifications make.
-- No e-mail address is stored anywhere: the sender asks Keycloak for it at send time.

-- One row per user who has set preferences; a user without one has the defaults (every kind
-- e-mailed at once, no quiet hours, no digest). Times are Tokyo wall-clock times, kept as the
-- minute of the day (0-1439: 22:00 is 1320), so no driver or time-zone setting can shift them.
create table notification_preferences (
    user_id             text primary key,
    version             bigint      not null,
    email_off           jsonb       not null default '[]',  -- the kinds not e-mailed (never a crisis kind)
    quiet_start_minute  int check (quiet_start_minute between 0 and 1439),  -- quiet hours, both or neither;
    quiet_end_minute    int check (quiet_end_minute between 0 and 1439),    -- they may cross midnight
    digest_minute       int check (digest_minute between 0 and 1439),      -- the daily digest of the non-urgent kinds
    updated_at          timestamptz not null,
    check ((quiet_start_minute is null) = (quiet_end_minute is null)),
    check (quiet_start_minute is null or quiet_start_minute <> quiet_end_minute)
);

-- One e-mail to one recipient: a single notification, or the digest of several (its items).
-- PENDING until sent; due_at is when it may go (at once, the end of quiet hours, the digest time),
-- next_attempt_at when the sender next tries (later after a failed attempt).
-- The sender claims due rows with FOR UPDATE SKIP LOCKED, so several replicas never send one twice.
create table outgoing_mail (
    id              uuid primary key,
    recipient_id    text        not null,
    digest          boolean     not null,
    due_at          timestamptz not null,
    next_attempt_at timestamptz not null,
    state           text        not null,  -- PENDING, SENT, FAILED (every attempt failed), UNDELIVERABLE (no address)
    attempts        int         not null default 0,
    last_failure    text,                  -- the kind of the last failure (an exception's class), never its message
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index outgoing_mail_due on outgoing_mail (next_attempt_at) where state = 'PENDING';
-- one pending digest per recipient and digest time: the notifications of the day gather in it
create unique index outgoing_mail_pending_digest on outgoing_mail (recipient_id, due_at)
    where digest and state = 'PENDING';

create table outgoing_mail_item (
    mail_id         uuid not null references outgoing_mail (id),
    notification_id uuid not null references notification (id),
    primary key (mail_id, notification_id)
);
create index outgoing_mail_item_notification on outgoing_mail_item (notification_id);
