-- The W3C trace context of the request (or job, or event) that appended an event, so the relay
-- publishes it in that trace however much later and from whichever replica (null: not traced).
alter table outbox_event
    add column traceparent text,
    add column tracestate  text;
