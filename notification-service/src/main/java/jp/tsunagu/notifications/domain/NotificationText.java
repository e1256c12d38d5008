package jp.tsunagu.notifications.domain;

import java.util.Map;

/**
 * What a notification says, in Japanese: what happened, never to whom (no names, notes or
 * assessment content; the facts are enums, ids and dates). The link says where to look.
 */
public final class NotificationText {

    private NotificationText() {
    }

    /** The one-line title of a notification, as the inbox, the stream and the e-mail subject show it. */
    public static String title(NotificationKind kind, Map<String, String> facts) {
        return switch (kind) {
            case CRISIS_ALERT -> "【至急】危機の報告があります。内容を確認し、受信確認をしてください";
            case CRISIS_ESCALATED -> "【至急・エスカレーション】危機アラートが" + facts.getOrDefault("escalation", "")
                    + "回目のエスカレーションになりました。まだ誰も受信確認していません";
            case REFERRAL_STATUS_CHANGED -> "紹介の状況が変わりました（" + referralStatus(facts.get("fromStatus")) + " → "
                    + referralStatus(facts.get("toStatus")) + "）";
            case REFERRAL_OVERDUE -> "紹介先からの応答が期限までにありません";
            case VISIT_OVERDUE -> "訪問の予定日を過ぎています（" + facts.getOrDefault("daysOverdue", "?") + "日超過）";
            case VISIT_TOMORROW -> "明日、訪問の予定があります";
            case PHASE_CHANGED -> "支援の段階が変わりました";
            case TEAM_CHANGED -> "支援チームが変わりました";
            case HOME_VISITS_ENDED -> "訪問支援が終了しました";
            case CASE_CLOSED -> "ケースが終結しました";
            case WEBHOOK_DELIVERY_DEAD -> "連携先へのWebhook送信を中止しました（再試行の上限に達しました）";
        };
    }

    private static String referralStatus(String status) {
        if (status == null) {
            return "?";
        }
        return switch (status) {
            case "DRAFT" -> "下書き";
            case "REQUESTED" -> "依頼中";
            case "ACCEPTED" -> "受諾";
            case "REJECTED" -> "辞退";
            case "IN_PROGRESS" -> "対応中";
            case "ON_HOLD" -> "保留";
            case "FAILED" -> "対応不能";
            case "COMPLETED" -> "完了";
            case "CANCELLED" -> "取り消し";
            case "ENTERED_IN_ERROR" -> "誤登録";
            default -> status;
        };
    }
}
