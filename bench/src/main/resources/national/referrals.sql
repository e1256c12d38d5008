-- referral-service's part of the load: each prefecture's partner agencies (two of each kind),
-- what the service knows of the cases, one written consent per case that refers, and the
-- referrals with their steps, spread over the states a closed loop goes through.

create temp table national_agency_kind (slug text, kind text, label text);
insert into national_agency_kind values
    ('public-health-center', 'PUBLIC_HEALTH_CENTER', '保健所'),
    ('psychiatric-clinic', 'PSYCHIATRIC_CLINIC', 'こころのクリニック'),
    ('hospital', 'HOSPITAL', '総合病院'),
    ('welfare-office', 'WELFARE_OFFICE', '福祉事務所'),
    ('disability-support-center', 'DISABILITY_SUPPORT_CENTER', '障害者相談支援センター'),
    ('employment-support', 'EMPLOYMENT_SUPPORT', '地域若者サポートステーション'),
    ('drop-in-place', 'DROP_IN_PLACE', '居場所'),
    ('police', 'POLICE', '警察署');

insert into agency (id, hsds_id, version, name, description, kind, municipality, location, contact, accepting_referrals,
                    capacity_updated_at, created_at, updated_at)
select p.center_id || '-' || k.slug || '-' || i, md5('tsunagu-national:agency:' || p.center_id || ':' || k.slug || ':' || i)::uuid,
       0, p.capital || case when i = 1 then '' else '第' || i end || k.label,
       p.name || 'の' || k.label || '。ひきこもり地域支援センターの連携先。', k.kind, p.capital,
       jsonb_build_object('name', k.label, 'address', jsonb_build_object('prefecture', p.name, 'municipality', p.capital)),
       jsonb_build_object('department', '相談窓口', 'phones', jsonb_build_array(jsonb_build_object('number', '0120-000-' || lpad((p.ord * 10 + i)::text, 3, '0'), 'kind', 'VOICE'))),
       true, n.loaded_at, n.loaded_at - interval '3 years', n.loaded_at - interval '3 years'
from national_prefecture p, national_agency_kind k, generate_series(1, 2) i, national_parameter n
on conflict (id) do nothing;

insert into case_scope (case_id, center_id, phase, status, source, updated_at)
select id, center_id, phase, status, 'EVENTS', p.loaded_at from national_case, national_parameter p;

insert into case_scope_member (case_id, user_id, role)
select id, primary_user, 'PRIMARY' from national_case
union all select id, secondary_user, 'SECONDARY' from national_case where secondary_user is not null
union all select id, peer_user, 'PEER' from national_case where peer_user is not null;

create temp table national_consent as
select c.id as case_id, gen_random_uuid() as consent_id, c.center_id, c.primary_user,
       c.opened_at + (p.loaded_at - c.opened_at) * 0.05 as granted_at
from national_case c, national_parameter p
where c.referral_count > 0;

insert into consent (id, case_id, center_id, version, granted_by, agency_ids, agency_kinds, purposes, method, granted_on,
                     recorded_by, recorded_at)
select consent_id, case_id, center_id, 0,
       (array['FAMILY', 'FAMILY', 'FAMILY', 'SUBJECT', 'GUARDIAN'])[1 + floor(random() * 5)::int], '[]',
       (select jsonb_agg(kind) from national_agency_kind),
       '["BACKUP", "CONSULTATION", "TRANSFER", "CRISIS_INTERVENTION", "INELIGIBLE_CASE"]', 'WRITTEN',
       (granted_at at time zone 'Asia/Tokyo')::date, primary_user, granted_at
from national_consent;

-- each referral's status, purpose, the agency kind the purpose goes to, and when it was made
-- (those still awaiting an answer are recent: some past their respond-by time)
create temp table national_referral as
select r.*, s.status,
       case when s.status = 'DRAFT' then null else r.created_at end as requested_at
from (
    select gen_random_uuid() as id, c.id as case_id, c.center_id, c.primary_user, n.consent_id, k, c.opened_at,
           purpose, r_agency, r_urgency, r_status, r_time, r_channel, r_reason,
           (array['SERVICE_STARTED', 'SUBJECT_SEEN', 'CONNECTED_ELSEWHERE', 'NO_FURTHER_ACTION'])[1 + floor(r_reason * 4)::int] as outcome,
           case when r_status < .12 then p.loaded_at - r_time * interval '10 days'
                else c.opened_at + (p.loaded_at - c.opened_at) * (0.1 + 0.85 * r_time) end as created_at
    from national_case c
    join national_consent n on n.case_id = c.id
    cross join national_parameter p
    cross join lateral generate_series(1, c.referral_count) k
    cross join lateral (select random() as r_purpose, random() as r_agency, random() as r_urgency, random() as r_status,
                               random() as r_time, random() as r_channel, random() as r_reason, k as again) d
    cross join lateral (select case when r_purpose < .35 then 'BACKUP' when r_purpose < .75 then 'CONSULTATION'
                                    when r_purpose < .85 then 'TRANSFER' when r_purpose < .95 then 'CRISIS_INTERVENTION'
                                    else 'INELIGIBLE_CASE' end as purpose) pu
) r
cross join lateral (select case when r.r_status < .02 then 'DRAFT' when r.r_status < .12 then 'REQUESTED'
                                when r.r_status < .22 then 'ACCEPTED' when r.r_status < .37 then 'IN_PROGRESS'
                                when r.r_status < .40 then 'ON_HOLD' when r.r_status < .42 then 'FAILED'
                                when r.r_status < .87 then 'COMPLETED' when r.r_status < .92 then 'REJECTED'
                                else 'CANCELLED' end as status) s;

-- the moves of each status' path: who made them, and whether a reason or an outcome came with them
create temp table national_path (status text, seq int, from_status text, to_status text, party text);
insert into national_path values
    ('DRAFT', 1, null, 'DRAFT', 'CENTER'),
    ('REQUESTED', 1, null, 'REQUESTED', 'CENTER'),
    ('ACCEPTED', 1, null, 'REQUESTED', 'CENTER'), ('ACCEPTED', 2, 'REQUESTED', 'ACCEPTED', 'AGENCY'),
    ('IN_PROGRESS', 1, null, 'REQUESTED', 'CENTER'), ('IN_PROGRESS', 2, 'REQUESTED', 'ACCEPTED', 'AGENCY'),
    ('IN_PROGRESS', 3, 'ACCEPTED', 'IN_PROGRESS', 'AGENCY'),
    ('ON_HOLD', 1, null, 'REQUESTED', 'CENTER'), ('ON_HOLD', 2, 'REQUESTED', 'ACCEPTED', 'AGENCY'),
    ('ON_HOLD', 3, 'ACCEPTED', 'IN_PROGRESS', 'AGENCY'), ('ON_HOLD', 4, 'IN_PROGRESS', 'ON_HOLD', 'AGENCY'),
    ('FAILED', 1, null, 'REQUESTED', 'CENTER'), ('FAILED', 2, 'REQUESTED', 'ACCEPTED', 'AGENCY'),
    ('FAILED', 3, 'ACCEPTED', 'IN_PROGRESS', 'AGENCY'), ('FAILED', 4, 'IN_PROGRESS', 'FAILED', 'AGENCY'),
    ('COMPLETED', 1, null, 'REQUESTED', 'CENTER'), ('COMPLETED', 2, 'REQUESTED', 'ACCEPTED', 'AGENCY'),
    ('COMPLETED', 3, 'ACCEPTED', 'IN_PROGRESS', 'AGENCY'), ('COMPLETED', 4, 'IN_PROGRESS', 'COMPLETED', 'AGENCY'),
    ('REJECTED', 1, null, 'REQUESTED', 'CENTER'), ('REJECTED', 2, 'REQUESTED', 'REJECTED', 'AGENCY'),
    ('CANCELLED', 1, null, 'REQUESTED', 'CENTER'), ('CANCELLED', 2, 'REQUESTED', 'CANCELLED', 'CENTER');

create temp table national_referral_shape as
select r.*, a.kind as agency_kind, r.center_id || '-' || a.slug || '-' || (1 + floor(r.r_agency * 2)::int) as agency_id,
       case when r.purpose = 'CRISIS_INTERVENTION' then case when r.r_urgency < .5 then 'EMERGENCY' else 'URGENT' end
            when r.r_urgency < .85 then 'ROUTINE' else 'URGENT' end as urgency,
       case when r.purpose = 'CRISIS_INTERVENTION' and r.r_reason < .5 then 'VITAL_INTEREST' else 'CONSENT' end as legal_basis,
       case r.status when 'REJECTED' then (array['NO_CAPACITY', 'NOT_ELIGIBLE', 'OUTSIDE_SERVICE_AREA'])[1 + floor(r.r_reason * 3)::int]
                     when 'CANCELLED' then (array['NO_LONGER_NEEDED', 'SUBJECT_DECLINED', 'FAMILY_DECLINED'])[1 + floor(r.r_reason * 3)::int]
                     when 'ON_HOLD' then 'WAITING_FOR_SUBJECT' when 'FAILED' then 'UNABLE_TO_CONTACT' end as reason_code,
       (select max(seq) from national_path pa where pa.status = r.status) as steps,
       coalesce(r.requested_at, r.created_at) as first_at
from national_referral r
cross join lateral (select * from national_agency_kind k where k.kind = case r.purpose
        when 'BACKUP' then (array['PUBLIC_HEALTH_CENTER', 'PSYCHIATRIC_CLINIC', 'HOSPITAL'])[1 + floor(r.r_agency * 3)::int]
        when 'CONSULTATION' then (array['PSYCHIATRIC_CLINIC', 'WELFARE_OFFICE', 'DISABILITY_SUPPORT_CENTER', 'DROP_IN_PLACE',
                                        'EMPLOYMENT_SUPPORT'])[1 + floor(r.r_agency * 5)::int]
        when 'TRANSFER' then (array['DISABILITY_SUPPORT_CENTER', 'WELFARE_OFFICE'])[1 + floor(r.r_agency * 2)::int]
        when 'CRISIS_INTERVENTION' then (array['POLICE', 'PUBLIC_HEALTH_CENTER', 'HOSPITAL'])[1 + floor(r.r_agency * 3)::int]
        else 'WELFARE_OFFICE' end) a;

-- when each step was taken: spread between the first and now, in order
create temp table national_step as
select s.id as referral_id, s.case_id, s.center_id, s.agency_id, s.agency_kind, s.purpose, s.urgency, pa.seq,
       pa.from_status, pa.to_status, pa.party,
       s.first_at + (p.loaded_at - s.first_at) * (array[0, 0.02 * s.r_time, 0.05 + 0.15 * s.r_time, 0.2 + 0.7 * s.r_time])[pa.seq] as at,
       case when pa.party = 'CENTER' then s.primary_user
            when s.r_channel < .6 then 'service-account-agency-' || s.agency_id else s.primary_user end as by_user,
       case when pa.party = 'CENTER' or s.r_channel < .6 then 'API' when s.r_channel < .9 then 'PHONE' else 'FAX' end as channel,
       case when pa.seq = s.steps and s.reason_code is not null then s.reason_code end as reason_code,
       case when pa.seq = s.steps and pa.to_status = 'COMPLETED' then s.outcome end as outcome
from national_referral_shape s
join national_path pa on pa.status = s.status
cross join national_parameter p;

insert into referral (id, direction, center_id, agency_id, agency_kind, case_id, version, status, purpose, reasons, urgency,
                      shared_summary, legal_basis, consent_id, justification, respond_by, status_reason_code,
                      status_reason_text, outcome, created_by, created_at, requested_at, first_viewed_at, answered_at,
                      completed_at, closed_at, updated_at)
select s.id, 'OUTBOUND', s.center_id, s.agency_id, s.agency_kind, s.case_id, s.steps - 1, s.status, s.purpose,
       case s.purpose when 'BACKUP' then '["SUSPECTED_MENTAL_ILLNESS"]'
                      when 'CONSULTATION' then (array['["WELFARE_NEED"]', '["EMPLOYMENT"]', '["SUSPECTED_MENTAL_ILLNESS", "WELFARE_NEED"]'])[1 + floor(s.r_reason * 3)::int]
                      when 'TRANSFER' then '["SUSPECTED_INTELLECTUAL_DISABILITY"]'
                      when 'CRISIS_INTERVENTION' then (array['["SELF_HARM_RISK"]', '["HARM_TO_OTHERS_RISK"]'])[1 + floor(s.r_reason * 2)::int]
                      else '["OTHER"]' end::jsonb,
       s.urgency,
       case s.purpose when 'BACKUP' then '30代男性。体調不良を訴えるが受診を拒否。家族が相談を希望。訪問時の同行をお願いしたい。'
                      when 'CONSULTATION' then '20代。自宅での生活が長く、今後の生活と制度利用について相談したい。'
                      when 'TRANSFER' then '40代。支援の中心を貴機関に移したい。これまでの経過は別途お伝えします。'
                      when 'CRISIS_INTERVENTION' then '家族との口論が続き、危険が高まっている。夜間の対応について情報共有をお願いしたい。'
                      else '当センターの対象外と判断。貴機関での相談をお願いしたい。' end,
       s.legal_basis, case when s.legal_basis = 'CONSENT' then s.consent_id end,
       case when s.legal_basis = 'VITAL_INTEREST' then '家族に危害が及ぶおそれがあり、本人の同意を得ることが困難なため（生命・身体の保護）' end,
       s.requested_at + case s.urgency when 'EMERGENCY' then interval '1 hour' when 'URGENT' then interval '24 hours'
                                       else interval '7 days' end,
       s.reason_code,
       case when s.reason_code is not null then (array['定員に空きがありません。', '対象外のため受けられません。', '本人の意向により見合わせます。'])[1 + floor(s.r_reason * 3)::int] end,
       case when s.status = 'COMPLETED' then s.outcome end,
       s.primary_user, s.created_at, s.requested_at, t.first_agency_at, t.answered_at,
       case when s.status = 'COMPLETED' then t.last_at end,
       case when s.status in ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED') then t.last_at end,
       t.last_at
from national_referral_shape s
join (select referral_id, min(at) filter (where party = 'AGENCY') as first_agency_at,
             min(at) filter (where seq = 2 and party = 'AGENCY') as answered_at, max(at) as last_at
      from national_step group by referral_id) t on t.referral_id = s.id
order by s.created_at;

insert into referral_step (referral_id, seq, at, party, by_user, channel, from_status, to_status, reason_code, reason_text,
                           outcome, note)
select referral_id, seq, at, party, by_user, channel, from_status, to_status, reason_code,
       case when reason_code is not null then '詳細は電話でお伝えしました。' end, outcome,
       case when channel in ('PHONE', 'FAX') then channel || 'での回答を入力' end
from national_step;

-- the notices the watch would have sent for the referrals past their respond-by time
insert into referral_overdue_notice (referral_id, respond_by, emitted_at)
select r.id, r.respond_by, least(p.loaded_at, r.respond_by + interval '5 minutes')
from referral r join national_referral_shape s on s.id = r.id cross join national_parameter p
where r.status = 'REQUESTED' and r.respond_by < p.loaded_at;
