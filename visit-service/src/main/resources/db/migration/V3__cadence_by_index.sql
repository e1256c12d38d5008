-- A case's cadence is read from this on every visit written (CadenceService.FACTS): its latest
-- counted visit is one index entry away, and its latest meeting and the visits since are the end
-- of one index range, read from the index alone (outcome is in it), however long the case's
-- history. "Counted" is outreach: recorded visits to the person, not cancelled, not sessions at
-- the center (CadenceFacts).
create index visit_case_counted on visit (case_id, occurred_at, id) include (outcome)
    where status = 'RECORDED' and outcome <> 'CANCELLED' and kind in ('HOME', 'OUTING', 'ACCOMPANIMENT');
