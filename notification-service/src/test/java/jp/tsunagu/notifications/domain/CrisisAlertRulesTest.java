package jp.tsunagu.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A crisis alert's own rules: due after the wait, a step at a time, stopped by the first acknowledgement. */
class CrisisAlertRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(15);

    private static CrisisAlert raised() {
        return CrisisAlert.raise(UUID.randomUUID(), "tokyo", "event-1", AlertOrigin.CRISIS_REPORTED, T0, WAIT);
    }

    @Test
    void itIsDueOnceTheWaitIsOverAndEachStepWaitsAgainFromWhenItWasMade() {
        CrisisAlert alert = raised();
        assertThat(alert.isDue(T0.plus(WAIT).minusSeconds(1))).isFalse();
        assertThat(alert.isDue(T0.plus(WAIT))).isTrue();
        Instant late = T0.plus(Duration.ofMinutes(22));
        assertThat(alert.escalate(late, WAIT)).isEqualTo(1);
        assertThat(alert.nextEscalationAt).isEqualTo(late.plus(WAIT));
        assertThat(alert.isDue(late.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(alert.escalate(late.plus(WAIT), WAIT)).isEqualTo(2);
        assertThatThrownBy(() -> alert.escalate(late.plus(WAIT), WAIT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstAcknowledgementStopsItAndALaterOneChangesNothing() {
        CrisisAlert alert = raised();
        assertThat(alert.acknowledge("u1", T0.plusSeconds(60))).isTrue();
        assertThat(alert.acknowledge("u2", T0.plusSeconds(90))).isFalse();
        assertThat(alert.acknowledgedBy).isEqualTo("u1");
        assertThat(alert.acknowledgedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(alert.isDue(T0.plus(Duration.ofDays(1)))).isFalse();
    }
}
