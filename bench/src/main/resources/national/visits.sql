-- visit-service's part of the load: what it knows of the cases (as case-events would have told
-- it), the visit plans, the visits (every interval back from each case's last one: letters at the
-- door until the person is first met), the cadence the service would compute from them, and the
-- overdue notices it would have sent (so that its watch does not send them now).

insert into case_scope (case_id, center_id, phase, status, source, updated_at)
select id, center_id, phase, status, 'EVENTS', p.loaded_at from national_case, national_parameter p;

insert into case_scope_member (case_id, user_id, role)
select id, primary_user, 'PRIMARY' from national_case
union all select id, secondary_user, 'SECONDARY' from national_case where secondary_user is not null
union all select id, peer_user, 'PEER' from national_case where peer_user is not null;

insert into visit_plan (case_id, version, interval_days, preferred_time, duration_minutes, companions, prepared_topics,
                        proposal_route, updated_at, updated_by)
select id, 0, interval_days, (array['平日 15時〜17時', '平日 午前', '土曜 午後', '夕方以降'])[1 + floor(random() * 4)::int],
       30, case when peer_user is not null then '["ピアサポーター"]'::jsonb else '[]'::jsonb end,
       (array['["ゲーム", "音楽"]', '["鉄道"]', '["アニメ", "漫画"]', '["将棋"]', '["料理", "猫"]'])[1 + floor(random() * 5)::int]::jsonb,
       (array['LETTER_VIA_FAMILY', 'FAMILY_PROPOSAL', 'DIRECT'])[1 + floor(random() * 3)::int],
       last_visit_at - (visit_count * interval_days + 7) * interval '1 day', primary_user
from national_case where interval_days is not null;

-- a visit's place in its case's story: 0 the oldest, 1 the latest; the person is first met at `met_from`
create temp table national_visit as
select c.id as case_id, c.center_id, c.primary_user, c.secondary_user, c.peer_user, c.phase_index, c.interval_days, i,
       c.last_visit_at - i * c.interval_days * interval '1 day'
           + case when i > 0 then (random() - 0.5) * 3 * interval '1 day' else interval '0' end as occurred_at,
       (c.visit_count - 1 - i)::float / greatest(c.visit_count, 1) as progress,
       (array[1.1, 0.5, 0.35, 0.3, 0.3])[c.phase_index - 1] as met_from,
       random() as r_outcome, random() as r_kind, random() as r_left, random() as r_consent, random() as r_note
from national_case c, generate_series(0, c.visit_count - 1) i
where c.visit_count > 0;

insert into visit (id, case_id, center_id, version, status, kind, occurred_at, received_at, updated_at, recorded_by,
                   duration_minutes, visitors, outcome, left_behind, time_alone_with_subject, topics, activity,
                   next_visit_consent, next_visit_interval_days, observations, notes, request_hash)
select gen_random_uuid(), case_id, center_id, 0, 'RECORDED', kind, occurred_at,
       occurred_at + interval '2 hours' * r_note, occurred_at + interval '2 hours' * r_note, primary_user,
       10 + floor(r_kind * 50)::int,
       case when kind = 'OUTING' and peer_user is not null
            then jsonb_build_array(jsonb_build_object('userId', primary_user, 'role', 'STAFF'),
                                   jsonb_build_object('userId', peer_user, 'role', 'PEER_SUPPORTER'))
            when secondary_user is not null and r_kind > .85
            then jsonb_build_array(jsonb_build_object('userId', primary_user, 'role', 'STAFF'),
                                   jsonb_build_object('userId', secondary_user, 'role', 'STAFF'))
            else jsonb_build_array(jsonb_build_object('userId', primary_user, 'role', 'STAFF')) end,
       outcome,
       case when outcome <> 'NOT_MET' then '[]'::jsonb
            when r_left < .75 then jsonb_build_array(jsonb_build_object('kind', 'LETTER', 'contents',
                 (array['["SUPPORTER_NEWS"]', '["SUPPORTER_NEWS", "WHAT_I_CAN_DO"]', '["WHAT_I_CAN_DO"]',
                        '["SUPPORTER_NEWS", "REQUEST_FOR_HELP"]'])[1 + floor(r_left * 5.33)::int]::jsonb))
            when r_left < .9 then '[{"kind": "LEAFLET", "contents": ["WHAT_I_CAN_DO"]}]'::jsonb
            else '[]'::jsonb end,
       case when outcome = 'MET_SUBJECT' then r_consent < .4 end,
       case when outcome = 'MET_SUBJECT'
            then jsonb_build_array((array['ゲーム', '音楽', '体調', '家族のこと', '将来のこと', '好きな漫画'])[1 + floor(r_note * 6)::int])
            else '[]'::jsonb end,
       case when kind = 'OUTING' then (array['EATING_OUT', 'WALK', 'DROP_IN_PLACE', 'SHOPPING'])[1 + floor(r_left * 4)::int] end,
       case when outcome = 'MET_SUBJECT'
            then case when r_consent < .4 then 'AGREED' when r_consent < .9 then 'NO_EXPLICIT_REFUSAL' else 'NOT_ASKED' end end,
       case when outcome = 'MET_SUBJECT' and r_consent < .9 then interval_days end,
       case when outcome = 'MET_SUBJECT'
            then (array['部屋の前で少し話せた。好きな話題には笑顔も見られた。', '居間で10分ほど話せた。表情は穏やか。',
                        '目を合わせることは少ないが、質問には答えてくれた。', '次回の訪問を自分から確認してきた。'])[1 + floor(r_note * 4)::int] end,
       case when r_note < .3
            then (array['インターホン越しに母親と話し、手紙を託した。', '本人の部屋の明かりはついていた。母親に近況を聞いた。',
                        '父親が応対。本人は眠っているとのこと。', '玄関先で母親と5分ほど話した。'])[1 + floor(r_note * 13.3)::int] end,
       'national-scale'
from (
    select v.*,
           case when progress < met_from then case when r_outcome < .9 or i = 0 then 'NOT_MET' else 'MET_FAMILY_ONLY' end
                when r_outcome < .75 then 'MET_SUBJECT'
                when r_outcome < .90 then 'NOT_MET'
                when r_outcome < .95 and i > 0 then 'CANCELLED'
                else 'MET_FAMILY_ONLY' end as outcome
    from national_visit v
) v, lateral (select case when v.outcome = 'MET_SUBJECT' and v.phase_index >= 5 and v.r_kind < .3 then 'OUTING'
                          else 'HOME' end as kind) k
order by occurred_at;

-- the next visit, already booked, of half the cases visited on time
insert into visit (id, case_id, center_id, version, status, kind, occurred_at, received_at, updated_at, recorded_by,
                   duration_minutes, visitors, request_hash)
select gen_random_uuid(), id, center_id, 0, 'SCHEDULED', 'HOME',
       ((date_trunc('day', last_visit_at at time zone 'Asia/Tokyo') + (interval_days * interval '1 day') + interval '15 hours')
           at time zone 'Asia/Tokyo'),
       last_visit_at + interval '3 hours', last_visit_at + interval '3 hours', primary_user, 30,
       jsonb_build_array(jsonb_build_object('userId', primary_user, 'role', 'STAFF')), 'national-scale'
from national_case where scheduled
order by last_visit_at;

-- the cadence as CadenceService computes it (CadenceFacts: the latest counted visit, the latest
-- meeting, the not-met streak since; due after the held next visit, else the plan's interval)
insert into cadence (case_id, center_id, last_visit_on, last_met_on, not_met_streak, interval_days, due_on, updated_at)
select c.id, c.center_id, (l.occurred_at at time zone 'Asia/Tokyo')::date, (m.met_at at time zone 'Asia/Tokyo')::date,
       s.streak, c.interval_days,
       (l.occurred_at at time zone 'Asia/Tokyo')::date
           + case when l.next_visit_consent in ('AGREED', 'NO_EXPLICIT_REFUSAL') and l.next_visit_interval_days is not null
                  then l.next_visit_interval_days else c.interval_days end,
       p.loaded_at
from national_case c
cross join national_parameter p
join lateral (select v.occurred_at, v.next_visit_consent, v.next_visit_interval_days from visit v
              where v.case_id = c.id and v.status = 'RECORDED' and v.outcome <> 'CANCELLED'
                and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
              order by v.occurred_at desc, v.id desc limit 1) l on true
left join lateral (select max(v.occurred_at) as met_at from visit v where v.case_id = c.id and v.status = 'RECORDED'
                     and v.outcome = 'MET_SUBJECT' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')) m on true
join lateral (select count(*)::int as streak from visit v where v.case_id = c.id and v.status = 'RECORDED'
                and v.outcome <> 'CANCELLED' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                and v.occurred_at > coalesce(m.met_at, '-infinity')) s on true
where c.visit_count > 0;

-- the notices the watch would have sent (OverdueWatch: open cases in the visiting phases, past
-- their due date; one per interval missed), each the morning after it fell due
create temp table national_overdue as
select c.case_id, c.center_id, c.due_on, c.not_met_streak, level,
       least(p.loaded_at, ((c.due_on + greatest(1, (level - 1) * c.interval_days))::timestamp + interval '9 hours')
                          at time zone 'Asia/Tokyo') as detected_at
from cadence c
join national_case n on n.id = c.case_id and n.status = 'OPEN' and n.phase_index between 2 and 5
cross join national_parameter p
cross join lateral generate_series(1, 1 + ((p.loaded_at at time zone 'Asia/Tokyo')::date - c.due_on) / c.interval_days) level
where c.due_on < (p.loaded_at at time zone 'Asia/Tokyo')::date;

insert into overdue_notice (case_id, due_on, intervals_missed, emitted_at)
select case_id, due_on, level, detected_at from national_overdue;
