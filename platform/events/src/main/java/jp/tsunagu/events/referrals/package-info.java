/** Events of referral-service on {@code referral-events} (referrals and consents), and the closed sets of a referral as enums. */
package jp.tsunagu.events.referrals;
