-- A team member's delta feed (VisitQueries.changedSince) picks its page among the visits of the
-- member's cases from this index alone (center and id are in it), then reads only the page's rows:
-- a full caseload is a few thousand entries, however large the center's history.
create index visit_case_change on visit (case_id, change_seq) include (center_id, id);
