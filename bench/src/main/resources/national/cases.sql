-- case-service's part of the load, after the other two (their timeline lines are in by now):
-- the subjects (kana names folded as KanaFolding folds them: full-width katakana without spaces
-- are their own key), teams, assessments, phase histories, endings, and the cases' own lines.

create temp table national_subject as
select c.*, f.family_name, f.family_kana, g.given_name, g.given_kana, d.*, s.gender,
       case when c.phase_index = 0 or d.r_urgency < .90 then 'NONE' when d.r_urgency < .98 then 'WATCH' else 'IMMINENT' end
           as crisis_urgency,
       c.last_visit_at - (greatest(c.visit_count, 1) - 1) * coalesce(c.interval_days, 0) * interval '1 day' as first_visit_at
from national_case c
cross join lateral (select random() as r_family, random() as r_given, random() as r_gender, random() as r_birth,
                           random() as r_channel, random() as r_text, random() as r_urgency, random() as r_capacity,
                           c.n as again) d
cross join lateral (select case when d.r_gender < .70 then 'MALE' when d.r_gender < .98 then 'FEMALE' else 'UNSPECIFIED' end
                        as gender) s
join national_family_name f on f.idx = 1 + floor(power(d.r_family, 1.7) * (select count(*) from national_family_name))::int
join national_given_name g on g.gender = case when s.gender = 'FEMALE' then 'FEMALE' else 'MALE' end
     and g.idx = 1 + floor(d.r_given * (select count(*) from national_given_name x where x.gender = g.gender))::int;

create temp table national_transition as
select s.id as case_id, k, gen_random_uuid() as id, s.primary_user,
       (array['ASSESSMENT', 'ENVIRONMENT', 'OUTREACH', 'ENGAGEMENT', 'DAILY_LIFE', 'EXPANSION', 'FOLLOW_UP'])[k] as from_phase,
       (array['ASSESSMENT', 'ENVIRONMENT', 'OUTREACH', 'ENGAGEMENT', 'DAILY_LIFE', 'EXPANSION', 'FOLLOW_UP'])[k + 1] as to_phase,
       case when k = 1 then s.opened_at + (coalesce(s.first_visit_at, p.loaded_at) - s.opened_at) * 0.4
            when k = 2 then s.first_visit_at - interval '1 day'
            when k = 6 then s.last_visit_at + interval '7 days'
            else s.first_visit_at + (s.last_visit_at - s.first_visit_at) * ((k - 2) / (s.phase_index - 1.0)) end as at
from national_subject s, national_parameter p, generate_series(1, s.phase_index) k;

create temp table national_ending as
select s.id as case_id, gen_random_uuid() as id, 'HOME_VISITS_ENDED' as kind, t.at, s.primary_user,
       (array['MOVED_TO_CENTER_SUPPORT', 'EMPLOYED', 'CONNECTED_TO_OTHER_AGENCY', 'SUBJECT_DECLINED', 'MOVED_AWAY'])[1 + floor(s.r_text * 5)::int] as reason
from national_subject s join national_transition t on t.case_id = s.id and t.k = 6
union all
select s.id, gen_random_uuid(), 'CLOSED', s.closed_at, s.primary_user,
       (array['本人が就労し、支援を終了', '転居のため他県のセンターへ引き継ぎ', '家族の希望により終了'])[1 + floor(s.r_text * 3)::int]
from national_subject s where s.closed_at is not null;

create temp table national_assessment as
select s.id as case_id, gen_random_uuid() as id, s.primary_user, s.crisis_urgency,
       (array['STRONG', 'ADEQUATE', 'ADEQUATE', 'WEAK', 'ABSENT'])[1 + floor(s.r_capacity * 5)::int] as family_capacity,
       s.opened_at + (t.at - s.opened_at) * 0.5 as at
from national_subject s join national_transition t on t.case_id = s.id and t.k = 1;

insert into timeline_entry (id, case_id, center_id, occurred_at, kind, ref_id, attributes)
select gen_random_uuid(), id, center_id, opened_at, 'CASE_OPENED', id,
       jsonb_build_object('channel', (array['PHONE', 'PHONE', 'PHONE', 'VISIT', 'VISIT', 'EMAIL', 'REFERRAL', 'OTHER'])[1 + floor(r_channel * 8)::int])
from national_subject
union all
select gen_random_uuid(), id, center_id, opened_at + interval '1 hour', 'TEAM_CHANGED', id,
       jsonb_build_object('size', 1 + (secondary_user is not null)::int + (peer_user is not null)::int)
from national_subject
union all
select gen_random_uuid(), a.case_id, s.center_id, a.at, 'ASSESSMENT_RECORDED', a.id,
       jsonb_build_object('crisisUrgency', a.crisis_urgency, 'familyCapacity', a.family_capacity)
from national_assessment a join national_subject s on s.id = a.case_id
union all
select gen_random_uuid(), t.case_id, s.center_id, t.at, 'PHASE_CHANGED', t.id,
       jsonb_build_object('from', t.from_phase, 'to', t.to_phase, 'steppedBack', false)
from national_transition t join national_subject s on s.id = t.case_id
union all
select gen_random_uuid(), e.case_id, s.center_id, e.at, case when e.kind = 'CLOSED' then 'CASE_CLOSED' else 'HOME_VISITS_ENDED' end,
       e.id, case when e.kind = 'CLOSED' then '{}'::jsonb else jsonb_build_object('reason', e.reason) end
from national_ending e join national_subject s on s.id = e.case_id;

-- the case numbers: a block of each center's and year's counter, taken as POST /cases takes one
create temp table national_number (case_id uuid primary key, case_number text not null);
with wanted as (
    select center_id, extract(year from opened_at at time zone 'Asia/Tokyo')::int as year, count(*)::int as taken
    from national_subject group by 1, 2
), reserved as (
    insert into case_number_counter (center_id, year, last_seq)
    select center_id, year, taken from wanted
    on conflict (center_id, year) do update set last_seq = case_number_counter.last_seq + excluded.last_seq
    returning center_id, year, last_seq
)
insert into national_number
select s.id as case_id,
       'C-' || r.year || '-' || lpad((r.last_seq - w.taken
           + row_number() over (partition by s.center_id, r.year order by s.opened_at, s.n))::text, 6, '0') as case_number
from national_subject s
join reserved r on r.center_id = s.center_id and r.year = extract(year from s.opened_at at time zone 'Asia/Tokyo')::int
join wanted w on w.center_id = r.center_id and w.year = r.year;

insert into support_case (id, center_id, case_number, phase, status, version, team_version, opened_at, opened_by, updated_at,
                          intake_received_at, intake_channel, consultant_relation, intake_summary,
                          family_name, given_name, family_name_kana, given_name_kana, birth_date, birth_year, gender, address,
                          withdrawal_since, interests, household, kana_key, family_kana_key, given_kana_key, name_key,
                          family_name_key, crisis_urgency, home_visits_ended_on, home_visit_end_reason, closed_at,
                          visit_overdue_since)
select s.id, s.center_id, num.case_number, s.phase, s.status, 1 + s.phase_index + (s.closed_at is not null)::int, 1,
       s.opened_at, s.primary_user, greatest(s.opened_at, touched.at), s.opened_at - interval '2 days',
       (array['PHONE', 'PHONE', 'PHONE', 'VISIT', 'VISIT', 'EMAIL', 'REFERRAL', 'OTHER'])[1 + floor(s.r_channel * 8)::int],
       (array['MOTHER', 'MOTHER', 'MOTHER', 'MOTHER', 'FATHER', 'FATHER', 'SIBLING', 'OTHER'])[1 + floor(s.r_text * 8)::int],
       (array['息子が大学中退後、家から出ていない。', '就職活動でつまずいてから部屋にこもっている。',
              '10年以上ひきこもり。家族とも顔を合わせない。', '両親が高齢で、親亡き後が心配（8050問題）。',
              '体調不良を訴えるが受診を拒む。', '高校卒業後、進路が決まらず自宅にいる。',
              '職場の人間関係で退職後、外出しなくなった。', '中学から不登校が続き、そのまま自宅にいる。'])[1 + floor(s.r_birth * 8)::int],
       s.family_name, s.given_name, s.family_kana, s.given_kana, birth.on_day, extract(year from birth.on_day)::int, s.gender,
       p.name || p.capital, to_char(s.opened_at - (1 + floor(s.r_text * 20)) * interval '1 year', 'YYYY-MM'),
       jsonb_build_array((array['鉄道', 'プラモデル', 'イラスト', '猫', '将棋', '野球中継', '料理', 'アニメ', 'ボードゲーム', '自転車'])[1 + floor(s.r_given * 10)::int],
                         (array['園芸', '読書', 'ゲーム', '音楽', '釣り', '古い映画', '手芸', '歴史', 'ラジオ', 'サッカー観戦'])[1 + floor(s.r_family * 10)::int]),
       jsonb_build_array(
           jsonb_build_object('relation', 'MOTHER', 'birthYear', extract(year from birth.on_day)::int - 28 - floor(s.r_text * 8)::int,
                              'keyPerson', true, 'relationshipWithSubject', 'NEUTRAL'),
           jsonb_build_object('relation', 'FATHER', 'birthYear', extract(year from birth.on_day)::int - 31 - floor(s.r_text * 8)::int,
                              'keyPerson', false, 'relationshipWithSubject', (array['GOOD', 'NEUTRAL', 'TENSE', 'NO_CONTACT'])[1 + floor(s.r_capacity * 4)::int])),
       pg_temp.national_fold(s.family_kana || s.given_kana), pg_temp.national_fold(s.family_kana),
       pg_temp.national_fold(s.given_kana), pg_temp.national_fold(s.family_name || s.given_name),
       pg_temp.national_fold(s.family_name),
       s.crisis_urgency, (ending.at at time zone 'Asia/Tokyo')::date, ending.reason, s.closed_at, overdue.since
from national_subject s
join national_prefecture p on p.center_id = s.center_id
join national_number num on num.case_id = s.id
cross join lateral (select ((s.opened_at at time zone 'Asia/Tokyo')::date - (18 * 365 + floor(s.r_birth * 42 * 365))::int) as on_day) birth
cross join lateral (select max(e.occurred_at) as at from timeline_entry e where e.case_id = s.id) touched
left join national_ending ending on ending.case_id = s.id and ending.kind = 'HOME_VISITS_ENDED'
left join national_overdue_since overdue on overdue.case_id = s.id
order by s.n;

insert into team_member (case_id, position, kind, user_id, agency_id, role)
select id, 0, 'STAFF', primary_user, null, 'PRIMARY' from national_subject
union all select id, 1, 'STAFF', secondary_user, null, 'SECONDARY' from national_subject where secondary_user is not null
union all select id, 2, 'PEER_SUPPORTER', peer_user, null, 'PEER' from national_subject where peer_user is not null;

insert into assessment (id, case_id, assessed_on, recorded_at, recorded_by, developmental_history, withdrawal_degree,
                        mental_state_notes, suspected_untreated_illness, intellectual_disability_suspected, family_relations,
                        family_condition, stigma, consultation_history, family_capacity, family_capacity_notes,
                        crisis_urgency, crisis_factors)
select a.id, a.case_id, (a.at at time zone 'Asia/Tokyo')::date, a.at, a.primary_user, '中学2年から不登校。高校は通信制を卒業。',
       (array['LEAVES_FOR_ERRANDS', 'LEAVES_FOR_HOBBIES_ONLY', 'STAYS_HOME', 'STAYS_IN_ROOM'])[1 + floor(s.r_capacity * 4)::int],
       '昼夜逆転。強い対人緊張がある様子。', s.r_urgency > .8, s.r_urgency > .97, '母とは必要最低限の会話。父とはほとんど話さない。',
       '両親とも高齢で、父は年金生活。', '親戚に知られたくないという思いが強い', '以前、市の相談窓口に一度相談したが続かなかった',
       a.family_capacity, '母は継続して相談に来られる', a.crisis_urgency,
       case a.crisis_urgency when 'NONE' then '[]' when 'WATCH' then '["SELF_HARM"]' else '["VIOLENCE", "HARM_TO_OTHERS"]' end::jsonb
from national_assessment a join national_subject s on s.id = a.case_id;

insert into phase_transition (id, case_id, from_phase, to_phase, stepped_back, reason, transitioned_at, transitioned_by)
select id, case_id, from_phase, to_phase, false,
       case to_phase when 'ENVIRONMENT' then 'アセスメント完了。家族支援と関係機関との連携体制づくりへ'
                     when 'OUTREACH' then '母親が本人に訪問を提案できた。手紙を渡して訪問開始'
                     when 'ENGAGEMENT' then '初めて本人と会えた。次回訪問の約束ができた'
                     when 'DAILY_LIFE' then '本人から体調と今後の生活の不安について話があった'
                     when 'EXPANSION' then '一緒に外出できるようになった。居場所の見学を提案'
                     else '訪問支援を終了し、後方から見守る' end,
       at, primary_user
from national_transition;

insert into lifecycle_change (id, case_id, kind, reason, note, changed_at, changed_by)
select id, case_id, kind, reason, null, at, primary_user from national_ending;
