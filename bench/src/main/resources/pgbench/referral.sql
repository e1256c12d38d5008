-- POST /referrals (with consent, to a public health center) as referral-service issues it, captured with
-- pg_stat_statements: one transaction, then the relay marking its two events published, then notification-service's
-- read of the agency's webhook endpoint for that referral (GET /agencies/{id}/webhook-endpoint: the agency and an audit entry).
-- :cases, :referrer come from the bench; each bench case has its consent in bench.bench_case.
-- Beyond the service: the first statement picks the case, its consent and a new referral id (the service gets them from the request).
-- The script's events are inserted as published already (published_at set): the running services'
-- relays would otherwise publish them, and their consumers receive events of no case (dead letters).
-- The relay's own update follows, as in the service.
\set n random(1, :cases)
select case_id, consent_id, gen_random_uuid() as referral_id from bench.bench_case where n = :n \gset
BEGIN;
select cv1_0.case_id, cv1_0.center_id, cv1_0.phase, cv1_0.source, cv1_0.status, t1_0.case_id, t1_0.user_id, t1_0.role, cv1_0.updated_at
  from case_scope cv1_0 left join case_scope_member t1_0 on cv1_0.case_id = t1_0.case_id where cv1_0.case_id = :case_id;
select c1_0.id, c1_0.agency_ids, c1_0.agency_kinds, c1_0.case_id, c1_0.center_id, c1_0.expires_on, c1_0.granted_by, c1_0.granted_on,
       c1_0.method, c1_0.purposes, c1_0.recorded_at, c1_0.recorded_by, c1_0.version, c1_0.withdrawn_at, c1_0.withdrawn_by, c1_0.withdrawn_on
  from consent c1_0 where c1_0.id = :consent_id;
select a1_0.id, a1_0.accepting_referrals, a1_0.available_slots, a1_0.capacity_note, a1_0.capacity_updated_at, a1_0.contact, a1_0.created_at,
       a1_0.description, a1_0.email, a1_0.hsds_id, a1_0.kind, a1_0.location, a1_0.municipality, a1_0.name, a1_0.notes, a1_0.parent_id,
       a1_0.updated_at, a1_0.version, a1_0.webhook_secret, a1_0.webhook_secret_rotated_at, a1_0.webhook_url, a1_0.website
  from agency a1_0 where a1_0.id = 'tokyo-health-center';
insert into referral (agency_id, agency_kind, answered_at, case_id, center_id, closed_at, completed_at, consent_id, created_at, created_by,
                      direction, first_viewed_at, inbound, justification, legal_basis, outcome, purpose, reasons, requested_at, respond_by,
                      shared_summary, status, status_reason_code, status_reason_text, updated_at, urgency, version, id)
  values ('tokyo-health-center', 'PUBLIC_HEALTH_CENTER', null, :case_id, 'tokyo', null, null, :consent_id, now(), :referrer,
          'OUTBOUND', null, null, null, 'CONSENT', null, 'BACKUP', '["SUSPECTED_MENTAL_ILLNESS"]', now(), now() + interval '7 days',
          '20代女性。体調不良を訴えるが受診を拒否。母親が保健所の精神保健福祉相談を希望。', 'REQUESTED', null, null, now(), 'ROUTINE', 0,
          :referral_id);
insert into referral_step (at, by_user, channel, from_status, note, outcome, party, reason_code, reason_text, to_status, referral_id, seq)
  values (now(), :referrer, 'API', null, null, null, 'CENTER', null, null, 'REQUESTED', :referral_id, 1);
insert into outbox_event (attempts, event_type, id, last_error, occurred_at, partition_key, payload, published_at, source, topic)
  values (0, 'referral.requested.v1', gen_random_uuid(), null, now(), :case_id,
          '{"caseId": "7f17be41-d0e1-4804-a834-b6ae1d139f31", "purpose": "BACKUP", "reasons": ["SUSPECTED_MENTAL_ILLNESS"], "urgency": "ROUTINE", "agencyId": "tokyo-health-center", "centerId": "tokyo", "consentId": "2716647d-86d0-416c-a658-271df5f8723b", "respondBy": "2026-12-13T07:10:21.024774294Z", "agencyKind": "PUBLIC_HEALTH_CENTER", "legalBasis": "CONSENT", "referralId": "2bdb85ad-04be-411b-b6a3-d8ff95dd6ac8", "requestedAt": "2026-12-06T07:10:21.024774294Z", "requestedBy": "1b0a4c1e-0001-4a6f-9a51-000000000001"}',
          now(), '/tsunagu/referral-service', 'referral-events')
  returning seq as referral_event \gset
insert into audit_entry (action, actor_id, actor_roles, agency_id, case_id, center_id, object_id, object_type, occurred_at, outcome,
                         remote_address, request_id, source)
  values ('referral.create', :referrer, 'default-roles-tsunagu,offline_access,supporter,uma_authorization', null, :case_id, 'tokyo',
          :referral_id, 'referral', now(), 'SUCCESS', '127.0.0.1', gen_random_uuid()::text, null);
insert into outbox_event (attempts, event_type, id, last_error, occurred_at, partition_key, payload, published_at, source, topic)
  values (0, 'audit.recorded.v2', gen_random_uuid(), null, now(), :case_id,
          '{"action": "REFERRAL_CREATE", "caseIds": ["7f17be41-d0e1-4804-a834-b6ae1d139f31"], "source": "REFERRAL_SERVICE", "actorId": "1b0a4c1e-0001-4a6f-9a51-000000000001", "outcome": "SUCCESS", "centerId": "tokyo", "objectId": "2bdb85ad-04be-411b-b6a3-d8ff95dd6ac8", "requestId": "3ccc06f0-3238-4a17-9268-e95a6378f5ea", "actorRoles": ["SUPPORTER"], "objectType": "REFERRAL", "occurredAt": "2026-12-06T07:10:21.443350588Z", "actorCenterId": "tokyo"}',
          now(), '/tsunagu/referral-service', 'audit-events')
  returning seq as audit_event \gset
COMMIT;
update outbox_event set published_at = now() where seq = :referral_event;
update outbox_event set published_at = now() where seq = :audit_event;
BEGIN;
select a1_0.id, a1_0.accepting_referrals, a1_0.available_slots, a1_0.capacity_note, a1_0.capacity_updated_at, a1_0.contact, a1_0.created_at,
       a1_0.description, a1_0.email, a1_0.hsds_id, a1_0.kind, a1_0.location, a1_0.municipality, a1_0.name, a1_0.notes, a1_0.parent_id,
       a1_0.updated_at, a1_0.version, a1_0.webhook_secret, a1_0.webhook_secret_rotated_at, a1_0.webhook_url, a1_0.website
  from agency a1_0 where a1_0.id = 'tokyo-health-center';
insert into audit_entry (action, actor_id, actor_roles, agency_id, case_id, center_id, object_id, object_type, occurred_at, outcome,
                         remote_address, request_id, source)
  values ('agency.webhook-endpoint.read', '613bb44d-1cd9-4c82-bc68-ae7c708d56b6', 'default-roles-tsunagu,offline_access,service,uma_authorization', null, null, null,
          'tokyo-health-center', 'agency', now(), 'SUCCESS', '127.0.0.1', gen_random_uuid()::text, null);
COMMIT;
