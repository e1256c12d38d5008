-- tables of the test application that exercises the service kit
create table probe (
    id      uuid primary key,
    name    text   not null,
    version bigint not null
);
create table probe_effect (
    event_id uuid not null,
    case_id  uuid not null
);
