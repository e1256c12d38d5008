-- A team member's referral list (ReferralQueries.list) picks its page among the referrals of the
-- member's cases from referral_case_listing alone (the center is in it), and among the center's
-- inbound referrals not yet made a case from referral_unassigned, then reads only the page's rows.
-- referral_case_listing takes over the list of one case from referral_case.
create index referral_case_listing on referral (case_id, created_at desc, id) include (center_id);
drop index referral_case;
create index referral_unassigned on referral (center_id, created_at desc, id)
    where case_id is null and direction = 'INBOUND';
