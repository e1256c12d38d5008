-- A commit that fails: a deferred constraint trigger refuses, at commit, a probe whose name a test
-- put in probe_commit_failure (the test removes it again to let the retry through).
create table probe_commit_failure (
    name text primary key
);
create function probe_fails_at_commit() returns trigger language plpgsql as $$
begin
    if exists (select 1 from probe_commit_failure f where f.name = new.name) then
        raise exception 'this probe fails at commit';
    end if;
    return null;
end
$$;
create constraint trigger probe_fails_at_commit after insert on probe
    deferrable initially deferred for each row execute function probe_fails_at_commit();
