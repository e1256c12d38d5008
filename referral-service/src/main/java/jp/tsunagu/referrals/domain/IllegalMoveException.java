package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.problem.ConflictException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A status move that the referral's state or the mover's side does not allow; names the moves that are. */
public class IllegalMoveException extends ConflictException {

    private final Set<ReferralStatus> allowedMoves;

    public IllegalMoveException(ReferralStatus from, ReferralStatus to, Set<ReferralStatus> allowedMoves) {
        super("A referral in " + from + " cannot move to " + to + " by this side; allowed: "
                + (allowedMoves.isEmpty() ? "none" : new TreeSet<>(allowedMoves)));
        this.allowedMoves = Set.copyOf(allowedMoves);
    }

    /** The statuses this side may move the referral to from where it is. */
    public Set<ReferralStatus> allowed() {
        return allowedMoves;
    }

    /** The same, as the problem body's {@code allowedMoves}. */
    @Override
    public Optional<List<String>> allowedMoves() {
        return Optional.of(new TreeSet<>(allowedMoves).stream().map(Enum::name).toList());
    }
}
