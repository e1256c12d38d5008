/** referral-service: Who may see and do what: center scope, team membership, agency scope. */
package jp.tsunagu.referrals.security;
