package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.problem.InvalidRequestException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static jp.tsunagu.events.referrals.ReferralStatus.ACCEPTED;
import static jp.tsunagu.events.referrals.ReferralStatus.CANCELLED;
import static jp.tsunagu.events.referrals.ReferralStatus.COMPLETED;
import static jp.tsunagu.events.referrals.ReferralStatus.DRAFT;
import static jp.tsunagu.events.referrals.ReferralStatus.ENTERED_IN_ERROR;
import static jp.tsunagu.events.referrals.ReferralStatus.FAILED;
import static jp.tsunagu.events.referrals.ReferralStatus.IN_PROGRESS;
import static jp.tsunagu.events.referrals.ReferralStatus.ON_HOLD;
import static jp.tsunagu.events.referrals.ReferralStatus.REJECTED;
import static jp.tsunagu.events.referrals.ReferralStatus.REQUESTED;

/**
 * Who may move a referral from which status to which, after the FHIR Task statuses of the HL7 SDOH
 * Clinical Care guide for closed-loop referrals. The center prepares ({@code DRAFT}), sends
 * ({@code REQUESTED}), may cancel before completion, and may mark a referral entered in error; the
 * agency (through its own system, or by phone or fax recorded by a supporter) accepts or rejects,
 * works on it, puts it on hold, fails or completes it, and may cancel it too.
 */
public final class ReferralMoves {

    /** Where a referral's story ends: no side moves it any further (but the center may still mark it in error). */
    public static final Set<ReferralStatus> CLOSED = EnumSet.of(REJECTED, CANCELLED, COMPLETED, FAILED, ENTERED_IN_ERROR);

    /** A reason (code and text for the other side) must come with these. */
    public static final Set<ReferralStatus> NEED_A_REASON = EnumSet.of(REJECTED, CANCELLED, ON_HOLD, FAILED);

    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_CENTER = Map.of(
            DRAFT, EnumSet.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR),
            REQUESTED, EnumSet.of(CANCELLED, ENTERED_IN_ERROR),
            ACCEPTED, EnumSet.of(CANCELLED, ENTERED_IN_ERROR),
            IN_PROGRESS, EnumSet.of(CANCELLED, ENTERED_IN_ERROR),
            ON_HOLD, EnumSet.of(CANCELLED, ENTERED_IN_ERROR),
            REJECTED, EnumSet.of(ENTERED_IN_ERROR),
            CANCELLED, EnumSet.of(ENTERED_IN_ERROR),
            COMPLETED, EnumSet.of(ENTERED_IN_ERROR),
            FAILED, EnumSet.of(ENTERED_IN_ERROR));

    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_AGENCY = Map.of(
            REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, FAILED, COMPLETED, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, FAILED, COMPLETED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, FAILED, CANCELLED));

    private ReferralMoves() {
    }

    /** The statuses {@code side} may move an outbound referral (center to agency) in {@code from} to. */
    public static Set<ReferralStatus> allowed(ReferralStatus from, Party side) {
        Set<ReferralStatus> moves = (side == Party.CENTER ? BY_CENTER : BY_AGENCY).get(from);
        return moves == null ? Set.of() : Set.copyOf(moves);
    }

    /**
     * The statuses {@code side} may move a referral going {@code direction} to: an inbound referral
     * (agency to center) swaps the sides, the agency requests and cancels, the center answers.
     */
    public static Set<ReferralStatus> allowed(ReferralStatus from, Party side, ReferralDirection direction) {
        return allowed(from, direction == ReferralDirection.OUTBOUND ? side : other(side));
    }

    private static Party other(Party side) {
        return side == Party.CENTER ? Party.AGENCY : Party.CENTER;
    }

    /**
     * Checks a move: 409 ({@link IllegalMoveException}, with the allowed moves) when the state or the
     * side does not allow it; 400 when a reason or an outcome is missing where it is required, or an
     * outcome is given where none belongs.
     */
    public static void check(ReferralStatus from, ReferralStatus to, Party side,
                             Optional<StatusReason> reason, Optional<ReferralOutcome> outcome) {
        check(from, to, side, ReferralDirection.OUTBOUND, reason, outcome);
    }

    /** {@link #check(ReferralStatus, ReferralStatus, Party, Optional, Optional)} for a referral going {@code direction}. */
    public static void check(ReferralStatus from, ReferralStatus to, Party side, ReferralDirection direction,
                             Optional<StatusReason> reason, Optional<ReferralOutcome> outcome) {
        Set<ReferralStatus> allowed = allowed(from, side, direction);
        if (!allowed.contains(to)) {
            throw new IllegalMoveException(from, to, allowed);
        }
        if (NEED_A_REASON.contains(to) && reason.isEmpty()) {
            throw new InvalidRequestException("reason", "a reason {code, text} is required to move a referral to " + to);
        }
        if (to == COMPLETED && outcome.isEmpty()) {
            throw new InvalidRequestException("outcome",
                    "an outcome (one of " + EnumSet.allOf(ReferralOutcome.class) + ") is required to complete a referral");
        }
        if (to != COMPLETED && outcome.isPresent()) {
            throw new InvalidRequestException("outcome", "only a completed referral has an outcome");
        }
    }

    public static boolean isClosed(ReferralStatus status) {
        return CLOSED.contains(status);
    }

    /** Whether the agency was asked and has not answered yet (the respond-by watch looks at these). */
    public static boolean awaitsAnswer(ReferralStatus status) {
        return status == REQUESTED;
    }
}
