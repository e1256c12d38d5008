-- A case opened from an inbound referral (an agency referred the household: POST /partner/referrals
-- of referral-service) keeps the link to it. Null for a case opened from any other consultation.
alter table support_case add column intake_inbound_referral_id uuid;
