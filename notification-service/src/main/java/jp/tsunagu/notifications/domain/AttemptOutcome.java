package jp.tsunagu.notifications.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What one attempt came to: the HTTP status the endpoint answered, or why there was none; the
 * time the endpoint asked to be tried again ({@code Retry-After}), if it did; how long it took.
 * Never the answer's body.
 */
public record AttemptOutcome(Optional<Integer> httpStatus, Optional<AttemptFailure> failure, Optional<Instant> retryAfter,
                             long durationMillis) {

    public static final int GONE = 410;

    public AttemptOutcome {
        if (httpStatus.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an attempt has a status or a failure");
        }
    }

    public static AttemptOutcome answered(int status, Optional<Instant> retryAfter, long durationMillis) {
        return new AttemptOutcome(Optional.of(status), Optional.empty(), retryAfter, durationMillis);
    }

    public static AttemptOutcome failed(AttemptFailure failure, long durationMillis) {
        return new AttemptOutcome(Optional.empty(), Optional.of(failure), Optional.empty(), durationMillis);
    }

    public boolean succeeded() {
        return httpStatus.filter(s -> s >= 200 && s < 300).isPresent();
    }

    /** The endpoint said it is gone for good (410): it is disabled. */
    public boolean gone() {
        return httpStatus.filter(s -> s == GONE).isPresent();
    }
}
