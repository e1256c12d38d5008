package jp.tsunagu.notifications.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a notification is e-mailed (Tokyo time throughout): quiet hours, within a day and across
 * midnight, the release of a held mail, the digest time, and crisis kinds bypassing them all.
 */
class MailTimingTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @ParameterizedTest(name = "{0}-{1} holds {2}: {3}")
    @CsvSource({
            // within a day
            "01:00, 06:00, 00:59, false",
            "01:00, 06:00, 01:00, true",
            "01:00, 06:00, 03:30, true",
            "01:00, 06:00, 05:59, true",
            "01:00, 06:00, 06:00, false",
            "01:00, 06:00, 23:00, false",
            // across midnight
            "22:00, 07:00, 21:59, false",
            "22:00, 07:00, 22:00, true",
            "22:00, 07:00, 23:59, true",
            "22:00, 07:00, 00:00, true",
            "22:00, 07:00, 06:59, true",
            "22:00, 07:00, 07:00, false",
            "22:00, 07:00, 12:00, false",
            // ending at midnight
            "20:00, 00:00, 23:59, true",
            "20:00, 00:00, 00:00, false",
            "20:00, 00:00, 19:59, false",
    })
    void quietHoursHoldTheirStartButNotTheirEnd(LocalTime start, LocalTime end, LocalTime time, boolean held) {
        assertThat(new QuietHours(start, end).contains(time)).isEqualTo(held);
    }

    @ParameterizedTest(name = "{0}-{1}, held at {2}: released at {3}")
    @CsvSource({
            "22:00, 07:00, 2031-03-10T23:00, 2031-03-11T07:00",
            "22:00, 07:00, 2031-03-10T22:00, 2031-03-11T07:00",
            "22:00, 07:00, 2031-03-11T00:00, 2031-03-11T07:00",
            "22:00, 07:00, 2031-03-11T06:59, 2031-03-11T07:00",
            "01:00, 06:00, 2031-03-10T01:00, 2031-03-10T06:00",
            "01:00, 06:00, 2031-03-10T05:59, 2031-03-10T06:00",
            "20:00, 00:00, 2031-03-10T23:30, 2031-03-11T00:00",
            // the last day of the year and of February
            "22:00, 07:00, 2031-12-31T23:00, 2032-01-01T07:00",
            "22:00, 07:00, 2032-02-29T22:30, 2032-03-01T07:00",
    })
    void aMailHeldByQuietHoursIsReleasedWhenTheyEnd(LocalTime start, LocalTime end, LocalDateTime heldAt,
                                                    LocalDateTime releasedAt) {
        assertThat(new QuietHours(start, end).endAfter(tokyo(heldAt))).isEqualTo(tokyo(releasedAt));
    }

    @ParameterizedTest(name = "digest at {0}, made at {1}: goes at {2}")
    @CsvSource({
            "08:00, 2031-03-10T07:59, 2031-03-10T08:00",
            "08:00, 2031-03-10T08:00, 2031-03-10T08:00",
            "08:00, 2031-03-10T08:01, 2031-03-11T08:00",
            "08:00, 2031-03-10T23:59, 2031-03-11T08:00",
            "00:00, 2031-03-10T12:00, 2031-03-11T00:00",
            "18:30, 2031-12-31T19:00, 2032-01-01T18:30",
    })
    void theDigestGoesAtItsTimeTodayOrElseTomorrow(LocalTime digestAt, LocalDateTime madeAt, LocalDateTime goesAt) {
        assertThat(MailTiming.nextDigest(digestAt, tokyo(madeAt))).isEqualTo(tokyo(goesAt));
    }

    /** The whole rule: kind, settings and time in, when and how out ("-" for no e-mail). */
    @ParameterizedTest(name = "{0}, quiet {1}, digest {2}, e-mail off {3}, made {4}: {5} {6}")
    @CsvSource({
            // crisis kinds: at once, whatever the settings
            "CRISIS_ALERT,            22:00-07:00, -,     -,                 2031-03-10T23:00, 2031-03-10T23:00, single",
            "CRISIS_ALERT,            22:00-07:00, 08:00, -,                 2031-03-10T23:00, 2031-03-10T23:00, single",
            "CRISIS_ESCALATED,        -,           08:00, -,                 2031-03-10T12:00, 2031-03-10T12:00, single",
            // non-urgent, nothing set: at once
            "REFERRAL_OVERDUE,        -,           -,     -,                 2031-03-10T23:00, 2031-03-10T23:00, single",
            // quiet hours: outside at once, inside at their end
            "REFERRAL_OVERDUE,        22:00-07:00, -,     -,                 2031-03-10T21:00, 2031-03-10T21:00, single",
            "REFERRAL_OVERDUE,        22:00-07:00, -,     -,                 2031-03-10T23:00, 2031-03-11T07:00, single",
            "VISIT_TOMORROW,          22:00-07:00, -,     -,                 2031-03-11T06:00, 2031-03-11T07:00, single",
            // a digest: at the digest time, the quiet hours' end if they hold it
            "PHASE_CHANGED,           -,           08:00, -,                 2031-03-10T09:00, 2031-03-11T08:00, digest",
            "PHASE_CHANGED,           22:00-07:00, 08:00, -,                 2031-03-10T23:00, 2031-03-11T08:00, digest",
            "PHASE_CHANGED,           05:00-09:00, 08:00, -,                 2031-03-10T10:00, 2031-03-11T09:00, digest",
            // a kind not wanted by e-mail: none, digest or not
            "TEAM_CHANGED,            -,           -,     TEAM_CHANGED,      2031-03-10T12:00, -,                -",
            "TEAM_CHANGED,            22:00-07:00, 08:00, TEAM_CHANGED,      2031-03-10T12:00, -,                -",
            "CASE_CLOSED,             -,           -,     TEAM_CHANGED,      2031-03-10T12:00, 2031-03-10T12:00, single",
    })
    void eachNotificationIsEmailedAsItsRecipientWants(NotificationKind kind, String quiet, String digest, String off,
                                                    LocalDateTime madeAt, String goesAt, String how) {
        MailSettings settings = new MailSettings(
                off.equals("-") ? Set.of() : Set.of(NotificationKind.valueOf(off)),
                quiet.equals("-") ? Optional.empty() : Optional.of(new QuietHours(
                        LocalTime.parse(quiet.substring(0, 5)), LocalTime.parse(quiet.substring(6)))),
                digest.equals("-") ? Optional.empty() : Optional.of(LocalTime.parse(digest)));

        Optional<MailSlot> slot = MailTiming.slot(kind, settings, tokyo(madeAt));

        if (goesAt.equals("-")) {
            assertThat(slot).isEmpty();
        } else {
            assertThat(slot).contains(new MailSlot(tokyo(LocalDateTime.parse(goesAt)), how.equals("digest")));
        }
    }

    private static Instant tokyo(LocalDateTime time) {
        return time.atZone(TOKYO).toInstant();
    }
}
