package jp.tsunagu.notifications.domain;

/**
 * What a notification is about (api.md, notification-service). A crisis kind is urgent: every
 * channel at once, never held by quiet hours or a digest.
 */
public enum NotificationKind {
    /** A crisis reported, or an assessment with crisis urgency IMMINENT: to acknowledge. */
    CRISIS_ALERT(true),
    /** A crisis alert nobody acknowledged in time, to every supervisor of the center, repeated. */
    CRISIS_ESCALATED(true),
    REFERRAL_STATUS_CHANGED(false),
    REFERRAL_OVERDUE(false),
    VISIT_OVERDUE(false),
    VISIT_TOMORROW(false),
    PHASE_CHANGED(false),
    TEAM_CHANGED(false),
    HOME_VISITS_ENDED(false),
    CASE_CLOSED(false),
    /** A partner webhook delivery given up after every retry: to the operators. */
    WEBHOOK_DELIVERY_DEAD(false);

    private final boolean crisis;

    NotificationKind(boolean crisis) {
        this.crisis = crisis;
    }

    /** Urgent: every channel at once, bypassing quiet hours and digests. */
    public boolean isCrisis() {
        return crisis;
    }
}
