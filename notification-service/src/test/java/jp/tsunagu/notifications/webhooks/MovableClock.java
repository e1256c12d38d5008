package jp.tsunagu.notifications.webhooks;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves; installed as the application's {@link Clock} for one test (QuarkusMock resets it after). */
public final class MovableClock extends Clock {

    private volatile Instant now;

    private MovableClock(Instant now) {
        this.now = now;
    }

    public static MovableClock installedAt(Instant now) {
        MovableClock clock = new MovableClock(now);
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void set(Instant to) {
        now = to;
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
