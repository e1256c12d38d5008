package jp.tsunagu.notifications.domain;

import jp.tsunagu.platform.time.Tokyo;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a notification's e-mail says, in Japanese: the title of the notification (what happened),
 * when (Tokyo time), the link to it, and that the details are read after signing in. Nothing else:
 * the notification carries no name, note or assessment content, and neither does its mail.
 */
public final class MailText {

    /** The subject and the plain-text body of one mail. */
    public record Content(String subject, String body) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm").withZone(Tokyo.ZONE);
    private static final String SIGN_IN = "詳しい内容は、つなぐにサインインしてからご確認ください。"
            + "このメールには、氏名や記録の内容など個人に関わる情報は載せていません。";
    private static final String FOOTER = """
            ――
            つなぐ（ひきこもり地域支援センターのケース管理）からの自動送信です。このメールには返信できません。
            メールの受け取り方（種類ごとの送信、通知しない時間帯、まとめて受け取る時刻）は通知設定で変えられます。
            """;

    private MailText() {
    }

    /** The mail of one notification: its title as the subject. */
    public static Content single(Notification notification, String linkBase) {
        String title = NotificationText.title(notification.kind, notification.facts);
        StringBuilder body = new StringBuilder(title).append("\n\n")
                .append("日時：").append(when(notification.createdAt)).append("\n")
                .append("確認する：").append(link(linkBase, notification)).append("\n\n")
                .append(SIGN_IN).append("\n");
        if (notification.kind.isCrisis()) {
            body.append("至急の通知は、通知しない時間帯やまとめて受け取る設定にかかわらず、すぐにお送りしています。\n");
        }
        return new Content(title, body.append("\n").append(FOOTER).toString());
    }

    /** The daily digest: the notifications gathered since the last one, each with its title, time and link. */
    public static Content digest(List<Notification> notifications, String linkBase) {
        if (notifications.isEmpty()) {
            throw new IllegalArgumentException("a digest of nothing");
        }
        StringBuilder body = new StringBuilder("前回のまとめ以降のお知らせが").append(notifications.size())
                .append("件あります。\n\n");
        for (Notification notification : notifications) {
            body.append("■ ").append(NotificationText.title(notification.kind, notification.facts)).append("\n")
                    .append("　日時：").append(when(notification.createdAt)).append("\n")
                    .append("　確認する：").append(link(linkBase, notification)).append("\n\n");
        }
        body.append(SIGN_IN).append("\n\n").append(FOOTER);
        return new Content("【つなぐ】お知らせのまとめ（" + notifications.size() + "件）", body.toString());
    }

    /** The link of a notification: the frontend's base address and the object's path. */
    public static String link(String linkBase, Notification notification) {
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + notification.subject().path();
    }

    static String when(Instant at) {
        return WHEN.format(at) + "（日本時間）";
    }
}
