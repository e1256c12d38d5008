package jp.tsunagu.notifications.mail;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.notifications.TestMail;
import jp.tsunagu.notifications.TestMail.Received;
import jp.tsunagu.notifications.domain.Notification;
import jp.tsunagu.notifications.domain.NotificationKind;
import jp.tsunagu.notifications.domain.NotificationText;
import jp.tsunagu.notifications.service.MailSender;
import jp.tsunagu.notifications.service.NotificationConfig;
import jp.tsunagu.notifications.service.Notifier;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.tsunagu.notifications.mail.MailFixtures.address;
import static jp.tsunagu.notifications.mail.MailFixtures.mailsOf;
import static jp.tsunagu.notifications.mail.MailFixtures.newUser;
import static jp.tsunagu.notifications.mail.MailFixtures.preferFirst;
import static jp.tsunagu.notifications.mail.MailFixtures.tell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications by e-mail through a real SMTP server, read back over IMAP: a crisis at once
 * whatever the recipient's quiet hours and digest; the rest held by quiet hours or gathered into the
 * digest, as each recipient prefers; Japanese in UTF-8; a link and nothing personal; retries, and
 * each mail sent once by concurrent senders. Time moves on the application's clock; the scheduled
 * sender is paused and the tests send by calling it.
 */
@QuarkusTest
class MailDeliveryTest {

    private static final Map<String, Object> QUIET_AND_DIGEST = Map.of(
            "quietHours", Map.of("start", "22:00", "end", "07:00"), "digestAt", "08:00");

    @Inject
    Notifier notifier;
    @Inject
    MailSender sender;
    @Inject
    NotificationConfig config;
    @Inject
    DataSource database;
    @Inject
    Scheduler scheduler;

    @BeforeEach
    void theScheduledSenderPaused() throws java.sql.SQLException {
        scheduler.pause(MailSender.JOB);
        // the mails other test classes left pending (their users have no mailbox here) are set aside,
        // so that what the sender does in a test is that test's own mails
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(
                    "update outgoing_mail set state = 'FAILED', last_failure = 'SetAsideByTest' where state = 'PENDING'");
        }
    }

    @Test
    void aCrisisIsEmailedAtOnceInJapaneseEvenInQuietHoursAndWithADigestSet() {
        MovableClock.installedAt(LocalDateTime.parse("2031-03-10T23:00"));
        TestTokens.Builder supervisor = newUser();
        preferFirst(supervisor, QUIET_AND_DIGEST);

        Notification crisis = tell(notifier, NotificationKind.CRISIS_ALERT, supervisor, Map.of());
        sender.sendDue();

        List<Received> inbox = TestMail.inbox(address(supervisor));
        assertThat(inbox).hasSize(1);
        Received mail = inbox.get(0);
        assertThat(mail.subject()).isEqualTo(NotificationText.title(NotificationKind.CRISIS_ALERT, Map.of()))
                .startsWith("【至急】危機の報告があります");
        assertThat(mail.rawSubject()).as("the subject travels encoded (RFC 2047), in UTF-8").startsWithIgnoringCase("=?utf-8?");
        assertThat(mail.contentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=utf-8");
        assertThat(mail.to()).containsExactly(address(supervisor));
        assertThat(mail.autoSubmitted()).contains("auto-generated");
        assertThat(mail.text())
                .contains(mail.subject())
                .contains("日時：2031年3月10日 23:00（日本時間）")
                .contains("確認する：" + config.linkBase() + "/crisis-alerts/" + crisis.subjectId)
                .contains("サインインしてからご確認ください");
        assertNothingPersonal(mail, supervisor);
        assertThat(mailsOf(database, supervisor)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "SENT").containsEntry("digest", false));
    }

    @Test
    void aNonUrgentNotificationInQuietHoursIsHeldUntilTheyEnd() {
        MovableClock clock = MovableClock.installedAt(LocalDateTime.parse("2031-03-10T23:00"));
        TestTokens.Builder supporter = newUser();
        preferFirst(supporter, Map.of("quietHours", Map.of("start", "22:00", "end", "07:00")));

        Notification overdue = tell(notifier, NotificationKind.VISIT_OVERDUE, supporter, Map.of("daysOverdue", "3"));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).as("held in the quiet hours").isEmpty();

        clock.set(LocalDateTime.parse("2031-03-11T06:59"));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).as("a minute before they end").isEmpty();
        assertThat(mailsOf(database, supporter)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "PENDING"));

        clock.set(LocalDateTime.parse("2031-03-11T07:00"));
        sender.sendDue();
        List<Received> inbox = TestMail.inbox(address(supporter));
        assertThat(inbox).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("訪問の予定日を過ぎています（3日超過）");
            assertThat(mail.text()).contains("日時：2031年3月10日 23:00（日本時間）")
                    .contains(config.linkBase() + "/cases/" + overdue.subjectId)
                    .doesNotContain("すぐにお送りしています");
            assertNothingPersonal(mail, supporter);
        });

        // outside the quiet hours the next one goes at once
        clock.set(LocalDateTime.parse("2031-03-11T12:00"));
        tell(notifier, NotificationKind.TEAM_CHANGED, supporter, Map.of());
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).extracting(Received::subject)
                .containsExactly("訪問の予定日を過ぎています（3日超過）", "支援チームが変わりました");
    }

    @Test
    void theDigestGathersTheNonUrgentNotificationsIntoOneMailAtItsTimeWhileACrisisGoesAtOnce() {
        MovableClock clock = MovableClock.installedAt(LocalDateTime.parse("2031-03-10T09:00"));
        TestTokens.Builder supporter = newUser();
        preferFirst(supporter, QUIET_AND_DIGEST);

        Notification status = tell(notifier, NotificationKind.REFERRAL_STATUS_CHANGED, supporter,
                Map.of("fromStatus", "REQUESTED", "toStatus", "ACCEPTED"));
        clock.set(LocalDateTime.parse("2031-03-10T13:00"));
        tell(notifier, NotificationKind.CRISIS_ESCALATED, supporter, Map.of("escalation", "1"));
        Notification phase = tell(notifier, NotificationKind.PHASE_CHANGED, supporter, Map.of());
        sender.sendDue();
        clock.set(LocalDateTime.parse("2031-03-10T23:30"));
        Notification closed = tell(notifier, NotificationKind.CASE_CLOSED, supporter, Map.of());
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).as("only the crisis so far").extracting(Received::subject)
                .containsExactly(NotificationText.title(NotificationKind.CRISIS_ESCALATED, Map.of("escalation", "1")));

        clock.set(LocalDateTime.parse("2031-03-11T07:59"));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).hasSize(1);

        clock.set(LocalDateTime.parse("2031-03-11T08:00"));
        sender.sendDue();
        List<Received> inbox = TestMail.inbox(address(supporter));
        assertThat(inbox).hasSize(2);
        Received digest = inbox.get(1);
        assertThat(digest.subject()).isEqualTo("【つなぐ】お知らせのまとめ（3件）");
        assertThat(digest.contentType()).containsIgnoringCase("charset=utf-8");
        assertThat(digest.text())
                .contains("お知らせが3件あります")
                .contains("■ 紹介の状況が変わりました（依頼中 → 受諾）\n　日時：2031年3月10日 9:00（日本時間）\n"
                        + "　確認する：" + config.linkBase() + "/referrals/" + status.subjectId)
                .contains("■ 支援の段階が変わりました\n　日時：2031年3月10日 13:00（日本時間）\n"
                        + "　確認する：" + config.linkBase() + "/cases/" + phase.subjectId)
                .contains("■ ケースが終結しました\n　日時：2031年3月10日 23:30（日本時間）\n"
                        + "　確認する：" + config.linkBase() + "/cases/" + closed.subjectId);
        assertThat(digest.text().indexOf("紹介の状況")).isLessThan(digest.text().indexOf("支援の段階"));
        assertNothingPersonal(digest, supporter);
        assertThat(mailsOf(database, supporter)).extracting(row -> row.get("digest") + "/" + row.get("state") + "/" + row.get("items"))
                .containsExactlyInAnyOrder("false/SENT/1", "true/SENT/3");

        // one made after the digest went waits for the next day's
        clock.set(LocalDateTime.parse("2031-03-11T08:30"));
        tell(notifier, NotificationKind.TEAM_CHANGED, supporter, Map.of());
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).hasSize(2);
        clock.set(LocalDateTime.parse("2031-03-12T08:00"));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).extracting(Received::subject).last()
                .isEqualTo("【つなぐ】お知らせのまとめ（1件）");
    }

    @Test
    void aKindTurnedOffIsNotEmailedButACrisisStillIs() {
        MovableClock.installedAt(LocalDateTime.parse("2031-03-13T12:00"));
        TestTokens.Builder supporter = newUser();
        preferFirst(supporter, Map.of("channels", List.of(Map.of("kind", "TEAM_CHANGED", "email", false))));

        Notification team = tell(notifier, NotificationKind.TEAM_CHANGED, supporter, Map.of());
        tell(notifier, NotificationKind.CRISIS_ALERT, supporter, Map.of());
        sender.sendDue();

        assertThat(team.id).as("still in the inbox").isNotNull();
        assertThat(TestMail.inbox(address(supporter))).extracting(Received::subject)
                .containsExactly(NotificationText.title(NotificationKind.CRISIS_ALERT, Map.of()));
        assertThat(mailsOf(database, supporter)).hasSize(1);
    }

    @Test
    void aFailedAttemptIsTriedAgainAMinuteLater() {
        MovableClock clock = MovableClock.installedAt(LocalDateTime.parse("2031-03-14T12:00"));
        TestTokens.Builder supporter = newUser();

        TestDirectory.outage();
        try {
            tell(notifier, NotificationKind.VISIT_TOMORROW, supporter, Map.of());
            sender.sendDue();
            assertThat(mailsOf(database, supporter)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("state", "PENDING").containsEntry("attempts", 1)
                    .containsEntry("last_failure", "DirectoryUnavailableException"));
        } finally {
            TestDirectory.restore();
        }
        // Keycloak is back, but the mail waits for its next attempt, a minute after the failed one
        clock.advance(Duration.ofSeconds(59));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).isEmpty();
        assertThat(mailsOf(database, supporter).get(0)).containsEntry("attempts", 1);

        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("明日、訪問の予定があります"));
        assertThat(mailsOf(database, supporter).get(0)).containsEntry("state", "SENT").containsEntry("attempts", 2);
    }

    @Test
    void aMailIsGivenUpAfterItsLastFailedAttempt() {
        MovableClock clock = MovableClock.installedAt(LocalDateTime.parse("2031-03-15T12:00"));
        TestTokens.Builder supporter = newUser();
        tell(notifier, NotificationKind.VISIT_TOMORROW, supporter, Map.of());

        TestDirectory.outage();
        try {
            sender.sendDue();
            for (int minutes : new int[] {1, 4, 16, 64}) {
                clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
                sender.sendDue();
                int before = (Integer) mailsOf(database, supporter).get(0).get("attempts");
                clock.advance(Duration.ofSeconds(1));
                sender.sendDue();
                assertThat(mailsOf(database, supporter).get(0).get("attempts")).isEqualTo(before + 1);
            }
        } finally {
            TestDirectory.restore();
        }
        assertThat(mailsOf(database, supporter)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("state", "FAILED").containsEntry("attempts", 5));
        clock.advance(Duration.ofDays(2));
        sender.sendDue();
        assertThat(TestMail.inbox(address(supporter))).isEmpty();
        assertThat(mailsOf(database, supporter).get(0)).containsEntry("state", "FAILED");
    }

    @Test
    void aRecipientKeycloakDoesNotKnowIsUndeliverableAndTheAddressIsAskedOnceForSeveralMails() {
        MovableClock.installedAt(LocalDateTime.parse("2031-03-16T12:00"));
        TestTokens.Builder unknown = TestTokens.user("mail-unknown-" + UUID.randomUUID()).roles("supporter").center("tokyo");
        TestTokens.Builder known = newUser();

        tell(notifier, NotificationKind.CRISIS_ALERT, unknown, Map.of());
        tell(notifier, NotificationKind.CRISIS_ALERT, known, Map.of());
        tell(notifier, NotificationKind.CRISIS_ALERT, known, Map.of());
        sender.sendDue();

        assertThat(mailsOf(database, unknown)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("state", "UNDELIVERABLE").containsEntry("attempts", 0));
        assertThat(TestMail.inbox(address(known))).hasSize(2);
        assertThat(TestDirectory.lookups(known.subject())).as("the address is cached").isEqualTo(1);
    }

    @Test
    void twoSendersAtOnceSendEachMailOnce() throws Exception {
        MovableClock.installedAt(LocalDateTime.parse("2031-03-17T12:00"));
        TestTokens.Builder supervisor = newUser();
        for (int i = 0; i < 8; i++) {
            tell(notifier, NotificationKind.CRISIS_ALERT, supervisor, Map.of());
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                together.await();
                return sender.sendDue();
            };
            List<Future<Integer>> sent = replicas.invokeAll(List.of(replica, replica));
            assertThat(sent.get(0).get() + sent.get(1).get()).isGreaterThanOrEqualTo(8);
        } finally {
            replicas.shutdownNow();
        }

        assertThat(TestMail.inbox(address(supervisor))).hasSize(8);
        assertThat(mailsOf(database, supervisor)).hasSize(8).allSatisfy(row -> assertThat(row)
                .containsEntry("state", "SENT").containsEntry("attempts", 1));
    }

    /** No name, username, user id or address of anyone in the text: TestDirectory's user is 山田 太郎. */
    private static void assertNothingPersonal(Received mail, TestTokens.Builder recipient) {
        assertThat(mail.subject() + "\n" + mail.text())
                .doesNotContain("太郎").doesNotContain("山田")
                .doesNotContain(recipient.username()).doesNotContain(recipient.subject())
                .doesNotContain("@example.invalid");
    }
}
