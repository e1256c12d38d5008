package jp.tsunagu.notifications.mail;

import io.quarkus.test.junit.QuarkusMock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets and moves, installed as the application's {@link Clock} for one test. */
final class MovableClock extends Clock {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private volatile Instant now;

    private MovableClock(Instant now) {
        this.now = now;
    }

    /** Standing at that Tokyo wall-clock time, for the running test (QuarkusMock resets it after). */
    static MovableClock installedAt(LocalDateTime tokyo) {
        MovableClock clock = new MovableClock(tokyo(tokyo));
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    static Instant tokyo(LocalDateTime time) {
        return time.atZone(TOKYO).toInstant();
    }

    void set(LocalDateTime tokyo) {
        now = tokyo(tokyo);
    }

    void advance(Duration by) {
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
