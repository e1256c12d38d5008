package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.ReferralUrgency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the agency must have accepted or rejected a referral: given by the center, or by default
 * one hour for an emergency, a day when urgent, a week otherwise. A referral still unanswered then
 * is overdue and escalates.
 */
public final class ResponseDeadline {

    private ResponseDeadline() {
    }

    public static Duration defaultFor(ReferralUrgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> Duration.ofHours(1);
            case URGENT -> Duration.ofHours(24);
            case ROUTINE -> Duration.ofDays(7);
        };
    }

    /** The respond-by time of a referral sent at {@code sentAt}; a given one must lie after the sending. */
    public static Instant of(ReferralUrgency urgency, Instant sentAt, Optional<Instant> given) {
        return given.orElseGet(() -> sentAt.plus(defaultFor(urgency)));
    }

    public static boolean isOverdue(Instant respondBy, Instant now) {
        return now.isAfter(respondBy);
    }
}
