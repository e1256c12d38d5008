-- An idempotency key is sealed in the transaction of its act (it commits with the change or not at
-- all), naming the object acted on; the answer for replays is kept after the commit.
alter table idempotency_key
    add column sealed_at   timestamptz,
    add column object_type text,
    add column object_id   text;
