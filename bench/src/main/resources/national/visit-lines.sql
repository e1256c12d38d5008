-- The lines case-service's timeline learned from visit-service's events (LearnedEvents), in
-- timeline_entry's columns: each visit recorded or scheduled, each overdue notice.
select gen_random_uuid(), case_id, center_id, occurred_at, 'VISIT_RECORDED', id,
       jsonb_strip_nulls(jsonb_build_object('kind', kind, 'outcome', outcome, 'revision', 1,
                         'leftBehind', (select coalesce(jsonb_agg(e -> 'kind'), '[]') from jsonb_array_elements(left_behind) e),
                         'nextVisitConsent', next_visit_consent))
from visit where request_hash = 'national-scale' and status = 'RECORDED'
union all
select gen_random_uuid(), case_id, center_id, received_at, 'VISIT_SCHEDULED', id,
       jsonb_build_object('kind', kind, 'scheduledFor', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
from visit where request_hash = 'national-scale' and status = 'SCHEDULED'
union all
select gen_random_uuid(), case_id, center_id, detected_at, 'VISIT_OVERDUE', null,
       jsonb_build_object('dueOn', due_on, 'notMetStreak', not_met_streak, 'intervalsMissed', level)
from national_overdue
