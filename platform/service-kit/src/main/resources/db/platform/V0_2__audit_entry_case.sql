-- The case an audit entry is about: a case's access log shows the entries of all its objects
-- (visits, plans, ...), whichever service served them. Entries other services share carry their source.
alter table audit_entry add column case_id uuid, add column source text;
create index audit_entry_case on audit_entry (case_id, id) where case_id is not null;

-- Entries written before this version were about a case only when the object was the case itself.
-- The append-only rule is suspended for this one backfill of the new column, then restored.
alter table audit_entry disable trigger audit_entry_no_update;
update audit_entry set case_id = object_id::uuid
 where object_type = 'case' and object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
alter table audit_entry enable trigger audit_entry_no_update;
