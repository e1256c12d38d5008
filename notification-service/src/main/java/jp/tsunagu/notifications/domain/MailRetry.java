package jp.tsunagu.notifications.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a mail waits after a failed attempt before the next: {@code first} after the first
 * failure, four times as long after each further one (1 min, 4 min, 16 min, 64 min...); none once
 * {@code maxAttempts} attempts have failed: the mail is given up.
 */
public final class MailRetry {

    static final int FACTOR = 4;

    private MailRetry() {
    }

    /** The wait after {@code failedAttempts} failures (1 for the first); empty when no attempt is left. */
    public static Optional<Duration> waitAfter(int failedAttempts, int maxAttempts, Duration first) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet");
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(Duration.ofDays(1)) < 0; i++) {
            wait = wait.multipliedBy(FACTOR);
        }
        return Optional.of(wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait);
    }
}
