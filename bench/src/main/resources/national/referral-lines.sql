-- The lines case-service's timeline learned from referral-service's events (LearnedEvents): each
-- referral requested, each move of its status, each overdue notice.
select gen_random_uuid(), case_id, center_id, at,
       case when seq = 1 then 'REFERRAL_REQUESTED' else 'REFERRAL_STATUS_CHANGED' end, referral_id,
       case when seq = 1 then jsonb_build_object('agencyKind', agency_kind, 'purpose', purpose, 'urgency', urgency)
            else jsonb_build_object('agencyKind', agency_kind, 'from', from_status, 'to', to_status) end
from national_step where not (seq = 1 and to_status = 'DRAFT')
union all
select gen_random_uuid(), r.case_id, r.center_id, n.emitted_at, 'REFERRAL_OVERDUE', r.id, jsonb_build_object('urgency', r.urgency)
from referral_overdue_notice n join referral r on r.id = n.referral_id join national_referral_shape s on s.id = r.id
