-- A corrected visit replaces its line on the timeline (LearnedEvents): the line is found by the
-- object it refers to. Without this index every visit event consumed scanned the whole table, a
-- cost that grew with every center's history (24 ms a visit at 52,000 lines in a local run).
create index timeline_entry_ref on timeline_entry (ref_id, kind) where ref_id is not null;
