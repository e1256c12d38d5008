-- a visit of a probe, an object of a case outside the case's path (the probe app's CaseObjects)
create table probe_visit (
    id       uuid primary key,
    probe_id uuid not null references probe (id)
);
