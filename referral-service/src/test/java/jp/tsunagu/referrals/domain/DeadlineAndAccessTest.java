package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineAndAccessTest {

    private static final Instant SENT = Instant.parse("2026-11-25T01:00:00Z");

    @ParameterizedTest(name = "{0}: respond by {1}")
    @CsvSource(textBlock = """
            EMERGENCY, 2026-11-25T02:00:00Z
            URGENT,    2026-11-26T01:00:00Z
            ROUTINE,   2026-12-02T01:00:00Z
            """)
    void respondByDefaults(ReferralUrgency urgency, Instant expected) {
        assertThat(ResponseDeadline.of(urgency, SENT, Optional.empty())).isEqualTo(expected);
        Instant given = SENT.plus(Duration.ofHours(3));
        assertThat(ResponseDeadline.of(urgency, SENT, Optional.of(given))).isEqualTo(given);
        assertThat(ResponseDeadline.isOverdue(expected, expected)).isFalse();
        assertThat(ResponseDeadline.isOverdue(expected, expected.plusSeconds(1))).isTrue();
    }

    /** closedDaysAgo: empty while open; the agency's access ends 30 days after closure. */
    @ParameterizedTest(name = "{0}, closed {1} days ago: agency sees it = {2}")
    @CsvSource(textBlock = """
            DRAFT,            ,   false
            REQUESTED,        ,   true
            IN_PROGRESS,      ,   true
            ON_HOLD,          ,   true
            COMPLETED,        0,  true
            COMPLETED,        29, true
            COMPLETED,        30, false
            REJECTED,         29, true
            REJECTED,         31, false
            CANCELLED,        30, false
            FAILED,           1,  true
            ENTERED_IN_ERROR, 1,  true
            """)
    void partnerAccessWindow(ReferralStatus status, Integer closedDaysAgo, boolean open) {
        Instant now = Instant.parse("2026-11-25T03:00:00Z");
        Optional<Instant> closedAt = Optional.ofNullable(closedDaysAgo).map(d -> now.minus(Duration.ofDays(d)));
        assertThat(PartnerAccess.open(status, closedAt, now)).isEqualTo(open);
    }
}
