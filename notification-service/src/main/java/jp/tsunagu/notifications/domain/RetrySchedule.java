package jp.tsunagu.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a partner webhook is tried again, after Standard Webhooks' advice: at once, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after the first attempt of the round, ten attempts
 * in all; after the tenth fails, the delivery is dead. Each retry gets a jitter of up to
 * {@code jitter} times the gap before it (added, never taken away: no retry comes before its time),
 * so that the deliveries of one outage do not all come back in the same second. A retry is never
 * sooner than the first gap (5 s) after the failure it follows, so a late attempt (after a
 * {@code Retry-After}, or a pause of the dispatcher) does not drag the next one onto it. A receiver's
 * {@code Retry-After} (seconds or an HTTP date) is honoured when it asks for later, up to 24 h.
 * Pure: the time and the randomness are given.
 */
public final class RetrySchedule {

    /** The standard plan: how long after the round's first attempt each attempt is due. */
    public static final List<Duration> STANDARD = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));
    /** The longest wait a receiver's {@code Retry-After} can ask for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> plan;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param plan   due times after the first attempt, the first zero, increasing
     * @param jitter the share of each gap that may be added at random, 0 to 1
     * @param random numbers in [0, 1)
     */
    public RetrySchedule(List<Duration> plan, double jitter, DoubleSupplier random) {
        if (plan.size() < 2 || !plan.get(0).isZero()) {
            throw new IllegalArgumentException("a plan starts at once and retries at least once");
        }
        for (int i = 1; i < plan.size(); i++) {
            if (plan.get(i).compareTo(plan.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("a plan's times increase");
            }
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a share of the gap, 0 to 1");
        }
        this.plan = List.copyOf(plan);
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random);
    }

    public static RetrySchedule standard(double jitter, DoubleSupplier random) {
        return new RetrySchedule(STANDARD, jitter, random);
    }

    /** How many attempts a round has. */
    public int attempts() {
        return plan.size();
    }

    /**
     * When to try again after the round's attempt number {@code made} (1 for the first) failed at
     * {@code failedAt}; empty when that was the last (the delivery is dead).
     *
     * @param roundStartedAt when the round's first attempt was made
     * @param retryAfter     when the receiver asked to be tried again, if it did
     */
    public Optional<Instant> next(int made, Instant roundStartedAt, Instant failedAt, Optional<Instant> retryAfter) {
        if (made < 1) {
            throw new IllegalArgumentException("no attempt was made");
        }
        if (made >= plan.size()) {
            return Optional.empty();
        }
        Duration gap = plan.get(made).minus(plan.get(made - 1));
        long jitterMillis = (long) (gap.toMillis() * jitter * Math.clamp(random.getAsDouble(), 0.0, 1.0));
        Instant due = roundStartedAt.plus(plan.get(made)).plusMillis(jitterMillis);
        Instant earliest = failedAt.plus(plan.get(1));
        if (due.isBefore(earliest)) {
            due = earliest;
        }
        if (retryAfter.isPresent()) {
            Instant latest = failedAt.plus(MAX_RETRY_AFTER);
            Instant asked = retryAfter.get().isAfter(latest) ? latest : retryAfter.get();
            if (asked.isAfter(due)) {
                due = asked;
            }
        }
        return Optional.of(due);
    }

    /**
     * A {@code Retry-After} header (RFC 9110): a number of seconds, or an HTTP date; empty when
     * absent or not one of those.
     */
    public static Optional<Instant> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (value.length() > 9) {
                return Optional.of(now.plus(MAX_RETRY_AFTER));
            }
            return Optional.of(now.plusSeconds(Long.parseLong(value)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
