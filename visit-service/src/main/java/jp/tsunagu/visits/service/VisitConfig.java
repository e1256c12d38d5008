package jp.tsunagu.visits.service;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * visit-service's own settings ({@code tsunagu.visits.*}). Where case-service is belongs to the
 * case view ({@code tsunagu.case-service.url}, platform/case-view); the platform's own settings
 * are {@code tsunagu.outbox.*}, {@code tsunagu.inbox.*}, {@code tsunagu.idempotency.*}. A key
 * under {@code tsunagu.} that none of them knows fails the start.
 */
@ConfigMapping(prefix = "tsunagu.visits")
public interface VisitConfig {

    /** How often the watch on cadence looks for overdue cases ({@link OverdueWatch}), e.g. {@code 10m}. */
    Duration overdueCheck();
}
