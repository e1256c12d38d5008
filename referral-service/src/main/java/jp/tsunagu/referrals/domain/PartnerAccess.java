package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.ReferralStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an agency sees a referral: never while it is a draft; while it is open; and for
 * {@link #AFTER_CLOSURE} after it was rejected, cancelled, completed, failed or marked in error.
 * Afterwards the referral is a 404 for the agency and its shared summary is no longer answered.
 */
public final class PartnerAccess {

    public static final Duration AFTER_CLOSURE = Duration.ofDays(30);

    private PartnerAccess() {
    }

    /**
     * @param closedAt when the referral reached a closed status (empty while open)
     */
    public static boolean open(ReferralStatus status, Optional<Instant> closedAt, Instant now) {
        if (status == ReferralStatus.DRAFT) {
            return false;
        }
        if (!ReferralMoves.isClosed(status)) {
            return true;
        }
        return closedAt.map(at -> now.isBefore(at.plus(AFTER_CLOSURE))).orElse(false);
    }
}
