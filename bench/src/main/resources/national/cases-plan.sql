-- The plan of the load, in case-service's database: the centers' shares of the cases (by
-- population), their staff, and what each case is to be (phase, team, visits, referrals).

-- cases first_n + 1 .. last_n belong to the center; one supporter for about 80 cases as PRIMARY
create temp table national_center as
select p.center_id, p.ord,
       (select cases from national_parameter)::bigint * (w.upto - p.population) / w.total as first_n,
       (select cases from national_parameter)::bigint * w.upto / w.total as last_n
from national_prefecture p
join (select ord, sum(population) over (order by ord) as upto, sum(population) over () as total
      from national_prefecture) w using (ord);
alter table national_center add column staff_count int;
update national_center set staff_count = greatest(2, ceil((last_n - first_n) / 80.0))::int;

-- Tokyo's first two supporters are the demo users tokyo-supporter-1 and -2 (their Keycloak ids)
create temp table national_staff as
select c.center_id, k,
       case when c.center_id = 'tokyo' and k = 1 then (select supporter_1 from national_parameter)
            when c.center_id = 'tokyo' and k = 2 then (select supporter_2 from national_parameter)
            else md5('tsunagu-national:staff:' || c.center_id || ':' || k)::uuid::text end as user_id
from national_center c, generate_series(1, c.staff_count) k;
create unique index on national_staff (center_id, k);

insert into national_case
with drawn as (
    select n, c.center_id, c.staff_count, random() as r_phase, random() as r_closed, random() as r_visits,
           random() as r_gap, random() as r_overdue, random() as r_interval, random() as r_prelude, random() as r_staff,
           random() as r_second, random() as r_peer, random() as r_scheduled, random() as r_referrals,
           random() as r_hour, random() as r_age, random() as r_closing
    from national_center c, generate_series(c.first_n + 1, c.last_n) n
), shaped as (
    select d.*,
           case when r_phase < .08 then 0 when r_phase < .18 then 1 when r_phase < .48 then 2 when r_phase < .68 then 3
                when r_phase < .80 then 4 when r_phase < .90 then 5 else 6 end as phase_index,
           r_closed < .12 as closed,
           case when r_interval < .70 then 14 when r_interval < .85 then 7 else 28 end as interval_days
    from drawn d
), counted as (
    select s.*,
           -- visits grow with the phase; the bases average visits_per_case over the phase mix above
           case when phase_index < 2 then 0
                else round((array[14, 22, 30, 36, 42])[phase_index - 1] * (p.visits_per_case / 20.0) * (0.5 + r_visits))::int
           end as visit_count,
           -- days since the last visit: within the interval, past it (overdue), or long ago where visits ended
           case when phase_index < 2 then null
                when closed or phase_index = 6 then 30 + floor(r_gap * 300)::int
                when r_overdue < .12 then interval_days + 1 + floor(r_gap * 45)::int
                else 1 + floor(r_gap * (interval_days - 1))::int end as gap_days,
           not closed and phase_index between 2 and 5 and r_overdue < .12 as overdue,
           floor((array[0.5, 2.5, 3, 4, 5, 5, 5])[phase_index + 1] * (p.referrals_per_case / 3.59) * 2 * r_referrals + 0.5)::int
               as referral_count
    from shaped s, national_parameter p
), visited as (
    select c.*,
           ((date_trunc('day', p.loaded_at at time zone 'Asia/Tokyo') - gap_days * interval '1 day' + interval '10 hours'
             + r_hour * interval '7 hours') at time zone 'Asia/Tokyo') as last_visit_at
    from counted c, national_parameter p
), opened as (
    select v.*,
           case when phase_index = 0 then p.loaded_at - (1 + r_age * 60) * interval '1 day'
                when phase_index = 1 then p.loaded_at - (30 + r_age * 200) * interval '1 day'
                else last_visit_at - ((visit_count - 1) * interval_days + 30 + r_prelude * 200) * interval '1 day'
           end as opened_at
    from visited v, national_parameter p
)
select o.n, md5('tsunagu-national:case:' || o.n)::uuid, o.center_id,
       (array['ASSESSMENT', 'ENVIRONMENT', 'OUTREACH', 'ENGAGEMENT', 'DAILY_LIFE', 'EXPANSION', 'FOLLOW_UP'])[phase_index + 1],
       phase_index, case when closed then 'CLOSED' else 'OPEN' end, opened_at,
       case when closed then greatest(opened_at, coalesce(last_visit_at, opened_at))
                             + (p.loaded_at - greatest(opened_at, coalesce(last_visit_at, opened_at))) * (0.2 + 0.7 * r_closing) end,
       first_staff.user_id, case when r_second < .6 then second_staff.user_id end,
       case when o.center_id = 'tokyo' and phase_index >= 3 and r_peer < .2 then p.peer end,
       case when phase_index >= 2 then interval_days end, visit_count,
       case when phase_index >= 2 then last_visit_at end, overdue,
       not closed and phase_index between 2 and 5 and not overdue and r_scheduled < .5, referral_count
from opened o
cross join national_parameter p
join national_staff first_staff on first_staff.center_id = o.center_id and first_staff.k = 1 + floor(r_staff * staff_count)::int
join national_staff second_staff on second_staff.center_id = o.center_id
     and second_staff.k = 1 + (floor(r_staff * staff_count)::int + 1) % staff_count;
analyze national_case;

-- since when each overdue case is overdue, as visit-service's notices say (copied from there)
create temp table national_overdue_since (case_id uuid primary key, since timestamptz not null);
