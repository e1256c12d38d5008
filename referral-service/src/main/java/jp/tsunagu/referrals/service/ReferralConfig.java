package jp.tsunagu.referrals.service;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * referral-service's own settings ({@code tsunagu.referrals.*}). Where case-service is belongs to
 * the case view ({@code tsunagu.case-service.url}, platform/case-view); the platform's own settings
 * are {@code tsunagu.outbox.*}, {@code tsunagu.inbox.*}, {@code tsunagu.idempotency.*},
 * {@code tsunagu.audit.*}, {@code tsunagu.directory.*}. A key under {@code tsunagu.} that none of
 * them knows fails the start.
 */
@ConfigMapping(prefix = "tsunagu.referrals")
public interface ReferralConfig {

    /**
     * How often the watch on respond-by times looks for referrals nobody answered
     * ({@link ReferralOverdueWatch}), e.g. {@code 1m}: an emergency's hour is then late by a minute at most.
     */
    Duration overdueCheck();
}
