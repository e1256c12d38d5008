package jp.tsunagu.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * Bean Validation's "now" ({@code @PastOrPresent}, {@code @Future}...) in Tokyo: a milestone reached
 * today in Tokyo is not in the future because the server's clock says UTC (from 15:00 UTC, Tokyo is
 * already on the next day).
 */
@ApplicationScoped
public class TokyoClockProvider implements ClockProvider {

    @Override
    public Clock getClock() {
        return Clock.system(Tokyo.ZONE);
    }
}
