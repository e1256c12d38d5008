package jp.tsunagu.notifications.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user may choose, and the retries of a mail that failed. */
class MailSettingsTest {

    private static final Optional<LocalTime> NONE = Optional.empty();

    @Test
    void aKindNotChosenIsEmailedAndEveryKindIsListedWithItsInbox() {
        MailSettings settings = MailSettings.chosen(
                List.of(new MailSettings.Channel(NotificationKind.TEAM_CHANGED, true, false),
                        new MailSettings.Channel(NotificationKind.CASE_CLOSED, true, true)),
                Optional.of(LocalTime.of(22, 0)), Optional.of(LocalTime.of(7, 0)), Optional.of(LocalTime.of(8, 0)));

        assertThat(settings.emailOff()).containsExactly(NotificationKind.TEAM_CHANGED);
        assertThat(settings.emails(NotificationKind.VISIT_OVERDUE)).isTrue();
        assertThat(settings.quietHours()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
        assertThat(settings.channels()).hasSize(NotificationKind.values().length)
                .allMatch(MailSettings.Channel::inbox)
                .filteredOn(c -> !c.email()).extracting(MailSettings.Channel::kind)
                .containsExactly(NotificationKind.TEAM_CHANGED);
        assertThat(MailSettings.DEFAULTS.channels()).allMatch(MailSettings.Channel::email);
    }

    @Test
    void theInboxStaysOnACrisisIsAlwaysEmailedAndAKindIsChosenOnce() {
        assertThatThrownBy(() -> MailSettings.chosen(List.of(
                        new MailSettings.Channel(NotificationKind.CRISIS_ALERT, true, false),
                        new MailSettings.Channel(NotificationKind.TEAM_CHANGED, false, true),
                        new MailSettings.Channel(NotificationKind.TEAM_CHANGED, true, true)), NONE, NONE, NONE))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("channels[0].email", "a crisis alert is always e-mailed"),
                        new Violation("channels[1].inbox", "the inbox always has every notification"),
                        new Violation("channels[2].kind", "each kind at most once")));
        assertThatThrownBy(() -> new MailSettings(Set.of(NotificationKind.CRISIS_ESCALATED), Optional.empty(), NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quietHoursHaveAStartAndADifferentEnd() {
        assertThatThrownBy(() -> MailSettings.chosen(List.of(), Optional.of(LocalTime.of(22, 0)), NONE, NONE))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("quietHours.end", "quiet hours need a start and an end")));
        assertThatThrownBy(() -> MailSettings.chosen(List.of(), Optional.of(LocalTime.of(22, 0)),
                Optional.of(LocalTime.of(22, 0)), NONE))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("quietHours.end", "must differ from the start")));
    }

    @Test
    void aFailedMailWaitsLongerEachTimeThenIsGivenUp() {
        Duration first = Duration.ofMinutes(1);
        assertThat(MailRetry.waitAfter(1, 5, first)).contains(Duration.ofMinutes(1));
        assertThat(MailRetry.waitAfter(2, 5, first)).contains(Duration.ofMinutes(4));
        assertThat(MailRetry.waitAfter(3, 5, first)).contains(Duration.ofMinutes(16));
        assertThat(MailRetry.waitAfter(4, 5, first)).contains(Duration.ofMinutes(64));
        assertThat(MailRetry.waitAfter(5, 5, first)).isEmpty();
        assertThat(MailRetry.waitAfter(20, 50, first)).contains(Duration.ofDays(1));
        assertThatThrownBy(() -> MailRetry.waitAfter(0, 5, first)).isInstanceOf(IllegalArgumentException.class);
    }
}
