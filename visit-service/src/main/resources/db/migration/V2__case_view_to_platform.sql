-- The case view moved to platform/case-view (tables case_scope and case_scope_member, created by
-- db/case-view before this): what visit-service had kept moves there, nothing is asked again.
-- The departures (case_view_departure) stay: they are the visits' delta feed's own.
insert into case_scope (case_id, center_id, phase, status, source, updated_at)
select case_id, center_id, phase, status, source, updated_at from case_view
on conflict (case_id) do nothing;
insert into case_scope_member (case_id, user_id, role)
select case_id, user_id, role from case_view_member
on conflict (case_id, user_id) do nothing;
drop table case_view_member;
drop table case_view;
