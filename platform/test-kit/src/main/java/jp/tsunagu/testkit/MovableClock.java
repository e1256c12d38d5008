package jp.tsunagu.testkit;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test sets and moves, installed as the application's {@link Clock} (the platform's
 * ClockProducer bean) for one test: time passes by the test's word, never by sleeping.
 */
public final class MovableClock extends Clock {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private volatile Instant now;

    private MovableClock(Instant now) {
        this.now = now;
    }

    /** A clock standing at {@code now}, installed for the running test (QuarkusMock resets it after). */
    public static MovableClock installedAt(Instant now) {
        MovableClock clock = new MovableClock(now);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    /** A clock standing at that wall-clock time of Tokyo, installed for the running test. */
    public static MovableClock installedAt(LocalDateTime tokyo) {
        return installedAt(tokyo.atZone(TOKYO).toInstant());
    }

    public void set(Instant to) {
        now = to;
    }

    /** Moves to that wall-clock time of Tokyo. */
    public void set(LocalDateTime tokyo) {
        now = tokyo.atZone(TOKYO).toInstant();
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
