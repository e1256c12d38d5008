-- POST /cases/{id}/crises as case-service issues it, captured with pg_stat_statements: one
-- transaction, then the relay marking its event published. :cases, :reporter come from the bench.
-- A case's first crisis also updates support_case (its crisis urgency); the bench's cases have had theirs.
-- Beyond the service: the first statement picks the case and a new crisis id (the service gets the case from the path).
-- The script's events are inserted as published already (published_at set): the running services'
-- relays would otherwise publish them, and their consumers receive events of no case (dead letters).
-- The relay's own update follows, as in the service.
\set n random(1, :cases)
select case_id, gen_random_uuid() as crisis_id from bench.bench_case where n = :n \gset
BEGIN;
select sc1_0.id, sc1_0.case_number, sc1_0.center_id, sc1_0.change_seq, sc1_0.closed_at, sc1_0.crisis_urgency, sc1_0.family_kana_key,
       sc1_0.family_name_key, sc1_0.given_kana_key, sc1_0.home_visit_end_reason, sc1_0.home_visits_ended_on, sc1_0.household,
       sc1_0.inquiry_id, sc1_0.intake_received_at, sc1_0.intake_channel, sc1_0.consultant_relation, sc1_0.consultant_name,
       sc1_0.intake_summary, sc1_0.intake_inbound_referral_id, sc1_0.interests, sc1_0.kana_key, sc1_0.name_key, sc1_0.next_review_on,
       sc1_0.opened_at, sc1_0.opened_by, sc1_0.phase, sc1_0.status, sc1_0.family_name, sc1_0.given_name, sc1_0.family_name_kana,
       sc1_0.given_name_kana, sc1_0.birth_date, sc1_0.birth_year, sc1_0.gender, sc1_0.address, sc1_0.withdrawal_since,
       sc1_0.team_version, sc1_0.updated_at, sc1_0.version, sc1_0.visit_overdue_since
  from support_case sc1_0 where sc1_0.id = :case_id;
select 1 from team_member tm1_0 where tm1_0.case_id = :case_id and tm1_0.user_id = :reporter fetch first 1 rows only;
insert into crisis (actions, case_id, description, kinds, occurred_at, reported_at, reported_by, id)
  values ('["OTHER"]', :case_id, '自傷の恐れ', '["SELF_HARM"]', now() - interval '1 minute', now(), :reporter, :crisis_id);
insert into timeline_entry (attributes, case_id, center_id, kind, occurred_at, ref_id, id)
  values ('{"kinds": ["SELF_HARM"], "actions": ["OTHER"]}', :case_id, 'tokyo', 'CRISIS_REPORTED', now() - interval '1 minute',
          :crisis_id, gen_random_uuid());
insert into outbox_event (attempts, event_type, id, last_error, occurred_at, partition_key, payload, published_at, source, topic)
  values (0, 'case.crisis-reported.v1', gen_random_uuid(), null, now(), :case_id,
          '{"kinds": ["SELF_HARM"], "caseId": "7f17be41-d0e1-4804-a834-b6ae1d139f31", "origin": "CRISIS_REPORT", "actions": ["OTHER"], "urgency": "IMMINENT", "centerId": "tokyo", "crisisId": "94738bbf-e9da-4323-8193-a02de08becc0", "occurredAt": "2026-12-06T06:00:00Z", "reportedAt": "2026-12-06T07:09:56.070680976Z", "reportedBy": "1b0a4c1e-0001-4a6f-9a51-000000000001", "assessmentId": null}',
          now(), '/tsunagu/case-service', 'case-events')
  returning seq as crisis_event \gset
insert into audit_entry (action, actor_id, actor_roles, agency_id, case_id, center_id, object_id, object_type, occurred_at, outcome,
                         remote_address, request_id, source)
  values ('case.crisis.report', :reporter, 'default-roles-tsunagu,offline_access,supporter,uma_authorization', null, :case_id, 'tokyo',
          :case_id, 'case', now(), 'SUCCESS', '127.0.0.1', gen_random_uuid()::text, null);
COMMIT;
update outbox_event set published_at = now() where seq = :crisis_event;
