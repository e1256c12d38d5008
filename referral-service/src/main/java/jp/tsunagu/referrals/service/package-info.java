/** referral-service: Use cases; transactions live here. */
package jp.tsunagu.referrals.service;
