package jp.tsunagu.platform.time;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * Bean Validation's "now" is Tokyo's: {@code @PastOrPresent} on a date or a month compares with the
 * centers' today. With the JVM's zone (UTC on the servers) a date recorded between midnight and 9:00
 * in Tokyo was refused as in the future.
 */
@Singleton
public class TokyoClock implements ClockProvider {

    @Override
    public Clock getClock() {
        return Clock.system(Tokyo.ZONE);
    }
}
