package jp.tsunagu.notifications.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail says what happened, when (Tokyo time) and where to look; the details need signing in. */
class MailTextTest {

    @Test
    void aSingleMailHasTheTitleTheTokyoTimeAndTheLink() {
        Notification crisis = notification(NotificationKind.CRISIS_ALERT, Subject.Type.CRISIS_ALERT, Map.of(),
                Instant.parse("2031-03-10T14:05:00Z"));

        MailText.Content mail = MailText.single(crisis, "https://tsunagu.example/app/");

        assertThat(mail.subject()).isEqualTo(NotificationText.title(NotificationKind.CRISIS_ALERT, Map.of()))
                .startsWith("【至急】");
        assertThat(mail.body())
                .startsWith(mail.subject() + "\n")
                .contains("日時：2031年3月10日 23:05（日本時間）")
                .contains("確認する：https://tsunagu.example/app/crisis-alerts/" + crisis.subjectId)
                .contains("サインインしてからご確認ください")
                .contains("すぐにお送りしています");
    }

    @Test
    void theDigestListsEachNotificationWithItsLink() {
        Notification status = notification(NotificationKind.REFERRAL_STATUS_CHANGED, Subject.Type.REFERRAL,
                Map.of("fromStatus", "REQUESTED", "toStatus", "ACCEPTED"), Instant.parse("2031-03-10T01:00:00Z"));
        Notification phase = notification(NotificationKind.PHASE_CHANGED, Subject.Type.CASE, Map.of(),
                Instant.parse("2031-03-10T02:30:00Z"));

        MailText.Content mail = MailText.digest(List.of(status, phase), "https://tsunagu.example/app");

        assertThat(mail.subject()).isEqualTo("【つなぐ】お知らせのまとめ（2件）");
        assertThat(mail.body())
                .contains("お知らせが2件あります")
                .contains("■ 紹介の状況が変わりました（依頼中 → 受諾）\n　日時：2031年3月10日 10:00（日本時間）\n"
                        + "　確認する：https://tsunagu.example/app/referrals/" + status.subjectId)
                .contains("■ 支援の段階が変わりました\n　日時：2031年3月10日 11:30（日本時間）\n"
                        + "　確認する：https://tsunagu.example/app/cases/" + phase.subjectId)
                .doesNotContain("すぐにお送りしています");
    }

    private static Notification notification(NotificationKind kind, Subject.Type type, Map<String, String> facts,
                                             Instant at) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.kind = kind;
        notification.subjectType = type;
        notification.subjectId = UUID.randomUUID();
        notification.facts = facts;
        notification.createdAt = at;
        return notification;
    }
}
