-- POST /visits (NOT_MET, a letter left) as visit-service issues it, captured with pg_stat_statements:
-- one transaction, then the relay marking its two events published. :cases, :visitor come from the bench.
-- Beyond the service: the first statement picks the case and a new visit id (the service gets both from the request).
-- The script's events are inserted as published already (published_at set): the running services'
-- relays would otherwise publish them, and their consumers receive events of no case (dead letters).
-- The relay's own update follows, as in the service.
\set n random(1, :cases)
select case_id, gen_random_uuid() as visit_id from bench.bench_case where n = :n \gset
BEGIN;
select 1 from pg_advisory_xact_lock(hashtext('visit'), hashtext(cast(:visit_id as text)));
select cv1_0.case_id, cv1_0.center_id, cv1_0.phase, cv1_0.source, cv1_0.status, t1_0.case_id, t1_0.user_id, t1_0.role, cv1_0.updated_at
  from case_scope cv1_0 left join case_scope_member t1_0 on cv1_0.case_id = t1_0.case_id where cv1_0.case_id = :case_id;
select v1_0.id, v1_0.activity, v1_0.case_id, v1_0.center_id, v1_0.change_seq, v1_0.duration_minutes, v1_0.kind, v1_0.left_behind,
       v1_0.next_visit_at, v1_0.next_visit_consent, v1_0.next_visit_duration_minutes, v1_0.next_visit_interval_days, v1_0.notes,
       v1_0.observations, v1_0.occurred_at, v1_0.outcome, v1_0.received_at, v1_0.recorded_by, v1_0.request_hash, v1_0.status,
       v1_0.time_alone_with_subject, v1_0.topics, v1_0.updated_at, v1_0.version, v1_0.visitors
  from visit v1_0 where v1_0.id = :visit_id;
insert into visit (activity, case_id, center_id, duration_minutes, kind, left_behind, next_visit_at, next_visit_consent,
                   next_visit_duration_minutes, next_visit_interval_days, notes, observations, occurred_at, outcome, received_at,
                   recorded_by, request_hash, status, time_alone_with_subject, topics, updated_at, version, visitors, id)
  values (null, :case_id, 'tokyo', 5, 'HOME', '[{"kind": "LETTER", "contents": ["SUPPORTER_NEWS"]}]', null, 'NOT_ASKED', null, null,
          '玄関先で母親に手紙を託した', null, now() - random() * interval '10 minutes', 'NOT_MET', now(), :visitor,
          'e7bf905e7dce2f4d020f2b7e376595cdb9005dda4721e2991febf635a603040e', 'RECORDED', null, '[]', now(), 0,
          jsonb_build_array(jsonb_build_object('role', 'STAFF', 'userId', cast(:visitor as text))), :visit_id);
select 1 from pg_advisory_xact_lock(hashtext('cadence'), hashtext(cast(:case_id as text)));
select l.occurred_at, l.next_visit_consent, l.next_visit_at, l.next_visit_interval_days, m.occurred_at,
       (select count(*) from visit s where s.case_id = :case_id and s.status = 'RECORDED'
          and s.outcome <> 'CANCELLED' and s.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
          and s.occurred_at > coalesce(m.occurred_at, '-infinity'))
from (select 1) one
left join lateral (select v.occurred_at, v.next_visit_consent, v.next_visit_at, v.next_visit_interval_days
                   from visit v where v.case_id = :case_id and v.status = 'RECORDED'
                     and v.outcome <> 'CANCELLED' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                   order by v.occurred_at desc, v.id desc limit 1) l on true
left join lateral (select v.occurred_at from visit v where v.case_id = :case_id and v.status = 'RECORDED'
                     and v.outcome = 'MET_SUBJECT' and v.kind in ('HOME', 'OUTING', 'ACCOMPANIMENT')
                   order by v.occurred_at desc, v.id desc limit 1) m on true;
select vp1_0.case_id, vp1_0.companions, vp1_0.duration_minutes, vp1_0.interval_days, vp1_0.preferred_time, vp1_0.prepared_topics,
       vp1_0.proposal_route, vp1_0.updated_at, vp1_0.updated_by, vp1_0.version
  from visit_plan vp1_0 where vp1_0.case_id = :case_id;
select c1_0.case_id, c1_0.center_id, c1_0.due_on, c1_0.interval_days, c1_0.last_met_on, c1_0.last_visit_on, c1_0.not_met_streak, c1_0.updated_at
  from cadence c1_0 where c1_0.case_id = :case_id;
update cadence set center_id = 'tokyo', due_on = current_date + 14, interval_days = 14, last_met_on = null, last_visit_on = current_date,
                   not_met_streak = not_met_streak + 1, updated_at = now()
  where case_id = :case_id;
insert into outbox_event (attempts, event_type, id, last_error, occurred_at, partition_key, payload, published_at, source, topic)
  values (0, 'visit.recorded.v1', gen_random_uuid(), null, now(), :case_id,
          '{"kind": "HOME", "caseId": "7f17be41-d0e1-4804-a834-b6ae1d139f31", "outcome": "NOT_MET", "visitId": "bb6da1e9-e6df-4a7a-a55b-7eed43366179", "activity": null, "centerId": "tokyo", "revision": 1, "visitors": [{"role": "STAFF", "userId": "1b0a4c1e-0001-4a6f-9a51-000000000001"}], "leftBehind": [{"kind": "LETTER", "contents": ["SUPPORTER_NEWS"]}], "occurredAt": "2026-12-06T00:00:00Z", "receivedAt": "2026-12-06T07:09:26.233270691Z", "recordedBy": "1b0a4c1e-0001-4a6f-9a51-000000000001", "nextVisitAt": null, "durationMinutes": 5, "nextVisitConsent": "NOT_ASKED", "timeAloneWithSubject": null}',
          now(), '/tsunagu/visit-service', 'visit-events')
  returning seq as visit_event \gset
insert into audit_entry (action, actor_id, actor_roles, agency_id, case_id, center_id, object_id, object_type, occurred_at, outcome,
                         remote_address, request_id, source)
  values ('visit.record', :visitor, 'default-roles-tsunagu,offline_access,supporter,uma_authorization', null, :case_id, 'tokyo',
          :visit_id, 'visit', now(), 'SUCCESS', '127.0.0.1', gen_random_uuid()::text, null);
insert into outbox_event (attempts, event_type, id, last_error, occurred_at, partition_key, payload, published_at, source, topic)
  values (0, 'audit.recorded.v2', gen_random_uuid(), null, now(), :case_id,
          '{"action": "VISIT_RECORD", "caseIds": ["7f17be41-d0e1-4804-a834-b6ae1d139f31"], "source": "VISIT_SERVICE", "actorId": "1b0a4c1e-0001-4a6f-9a51-000000000001", "outcome": "SUCCESS", "centerId": "tokyo", "objectId": "bb6da1e9-e6df-4a7a-a55b-7eed43366179", "requestId": "db956eef-0829-4936-a433-7a77f597dfdd", "actorRoles": ["SUPPORTER"], "objectType": "VISIT", "occurredAt": "2026-12-06T07:09:26.236794516Z", "actorCenterId": "tokyo"}',
          now(), '/tsunagu/visit-service', 'audit-events')
  returning seq as audit_event \gset
COMMIT;
update outbox_event set published_at = now() where seq = :visit_event;
update outbox_event set published_at = now() where seq = :audit_event;
