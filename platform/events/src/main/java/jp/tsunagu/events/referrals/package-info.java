/** Events of referral-service on {@code referral-events}, and the closed sets of a referral as enums. */
package jp.tsunagu.events.referrals;
