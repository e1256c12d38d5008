package jp.tsunagu.notifications.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry schedule: ten attempts over 24 h, jitter within the gap, Retry-After honoured when later, then dead. */
class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void withoutJitterTheAttemptsComeAtTheirTimesAfterTheFirstAndTheTenthIsTheLast() {
        RetrySchedule schedule = RetrySchedule.standard(0.1, () -> 0.0);
        List<Duration> after = new ArrayList<>(List.of(Duration.ZERO));
        Instant at = FIRST;
        for (int made = 1; made < schedule.attempts(); made++) {
            at = schedule.next(made, FIRST, at, Optional.empty()).orElseThrow();
            after.add(Duration.between(FIRST, at));
        }
        assertThat(after).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
                Duration.ofHours(24));
        assertThat(schedule.next(10, FIRST, at, Optional.empty())).isEmpty();
        assertThat(schedule.attempts()).isEqualTo(10);
    }

    @Test
    void jitterAddsAtMostItsShareOfTheGapAndNeverTakesAway() {
        RetrySchedule most = RetrySchedule.standard(0.1, () -> 0.999999);
        RetrySchedule half = RetrySchedule.standard(0.1, () -> 0.5);
        Instant failedAt = FIRST.plus(Duration.ofMinutes(30));
        // the fifth attempt is due 2 h after the first; the gap from the fourth is 90 min
        assertThat(most.next(4, FIRST, failedAt, Optional.empty()).orElseThrow())
                .isAfter(FIRST.plus(Duration.ofMinutes(128))).isBefore(FIRST.plus(Duration.ofMinutes(129)));
        assertThat(half.next(4, FIRST, failedAt, Optional.empty()).orElseThrow())
                .isEqualTo(FIRST.plus(Duration.ofHours(2)).plus(Duration.ofSeconds(270)));
        RetrySchedule wild = RetrySchedule.standard(0.1, () -> -5.0);
        assertThat(wild.next(4, FIRST, failedAt, Optional.empty()).orElseThrow()).isEqualTo(FIRST.plus(Duration.ofHours(2)));
    }

    @Test
    void aLaterRetryAfterWinsAnEarlierOneDoesNotAndNoneWaitsBeyond24Hours() {
        RetrySchedule schedule = RetrySchedule.standard(0.1, () -> 0.0);
        Instant failedAt = FIRST.plusSeconds(5);
        assertThat(schedule.next(2, FIRST, failedAt, Optional.of(failedAt.plusSeconds(3600))))
                .contains(failedAt.plusSeconds(3600));
        assertThat(schedule.next(2, FIRST, failedAt, Optional.of(failedAt.plusSeconds(1))))
                .contains(FIRST.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(2, FIRST, failedAt, Optional.of(failedAt.plus(Duration.ofDays(30)))))
                .contains(failedAt.plus(Duration.ofHours(24)));
        // the last attempt is the last, whatever the receiver asks
        assertThat(schedule.next(10, FIRST, FIRST.plus(Duration.ofHours(24)), Optional.of(FIRST.plus(Duration.ofHours(25)))))
                .isEmpty();
    }

    @Test
    void aLateAttemptDoesNotDragTheNextOneOntoIt() {
        RetrySchedule schedule = RetrySchedule.standard(0.1, () -> 0.0);
        // the third attempt was held an hour by a Retry-After; the fourth was due 30 min after the first
        Instant failedAt = FIRST.plus(Duration.ofHours(1));
        assertThat(schedule.next(3, FIRST, failedAt, Optional.empty())).contains(failedAt.plusSeconds(5));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T01:00:00Z");
        assertThat(RetrySchedule.retryAfter("120", now)).contains(now.plusSeconds(120));
        assertThat(RetrySchedule.retryAfter(" 0 ", now)).contains(now);
        assertThat(RetrySchedule.retryAfter("Wed, 25 Nov 2026 03:30:00 GMT", now)).contains(Instant.parse("2026-11-25T03:30:00Z"));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7200).atOffset(ZoneOffset.UTC));
        assertThat(RetrySchedule.retryAfter(date, now)).contains(now.plusSeconds(7200));
        assertThat(RetrySchedule.retryAfter("99999999999999999999", now)).contains(now.plus(RetrySchedule.MAX_RETRY_AFTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "1.5", "soon", "2026-11-25T03:30:00Z", "Wed, 31 Nov 2026 03:30:00 GMT"})
    void anythingElseIsNoRetryAfter(String header) {
        assertThat(RetrySchedule.retryAfter(header, FIRST)).isEmpty();
        assertThat(RetrySchedule.retryAfter(null, FIRST)).isEmpty();
    }

    @Test
    void aPlanStartsAtOnceAndItsTimesIncrease() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 0.1, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5)), 0.1, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.standard(1.5, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.standard(0.1, () -> 0).next(0, FIRST, FIRST, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
