package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static jp.tsunagu.events.referrals.ReferralStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ReferralMovesTest {

    private static final Optional<StatusReason> REASON = Optional.of(StatusReason.of(StatusReasonCode.OTHER, "…"));

    /** Every move that is allowed, by side; every other (from, to, side) is refused (see {@link #everyOtherMoveIsAConflict}). */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(textBlock = """
            CENTER, DRAFT,       REQUESTED
            CENTER, DRAFT,       CANCELLED
            CENTER, DRAFT,       ENTERED_IN_ERROR
            CENTER, REQUESTED,   CANCELLED
            CENTER, REQUESTED,   ENTERED_IN_ERROR
            CENTER, ACCEPTED,    CANCELLED
            CENTER, ACCEPTED,    ENTERED_IN_ERROR
            CENTER, IN_PROGRESS, CANCELLED
            CENTER, IN_PROGRESS, ENTERED_IN_ERROR
            CENTER, ON_HOLD,     CANCELLED
            CENTER, ON_HOLD,     ENTERED_IN_ERROR
            CENTER, COMPLETED,   ENTERED_IN_ERROR
            CENTER, REJECTED,    ENTERED_IN_ERROR
            CENTER, CANCELLED,   ENTERED_IN_ERROR
            CENTER, FAILED,      ENTERED_IN_ERROR
            AGENCY, REQUESTED,   ACCEPTED
            AGENCY, REQUESTED,   REJECTED
            AGENCY, REQUESTED,   CANCELLED
            AGENCY, ACCEPTED,    IN_PROGRESS
            AGENCY, ACCEPTED,    ON_HOLD
            AGENCY, ACCEPTED,    FAILED
            AGENCY, ACCEPTED,    COMPLETED
            AGENCY, ACCEPTED,    CANCELLED
            AGENCY, IN_PROGRESS, ON_HOLD
            AGENCY, IN_PROGRESS, FAILED
            AGENCY, IN_PROGRESS, COMPLETED
            AGENCY, IN_PROGRESS, CANCELLED
            AGENCY, ON_HOLD,     IN_PROGRESS
            AGENCY, ON_HOLD,     FAILED
            AGENCY, ON_HOLD,     CANCELLED
            """)
    void allowedMoves(Party side, ReferralStatus from, ReferralStatus to) {
        assertThat(ReferralMoves.allowed(from, side)).contains(to);
        assertThatNoException().isThrownBy(() -> ReferralMoves.check(from, to, side, REASON,
                to == COMPLETED ? Optional.of(ReferralOutcome.SERVICE_STARTED) : Optional.empty()));
    }

    @Test
    void everyOtherMoveIsAConflictNamingTheAllowedMoves() {
        int refused = 0;
        for (Party side : Party.values()) {
            for (ReferralStatus from : ReferralStatus.values()) {
                Set<ReferralStatus> allowed = ReferralMoves.allowed(from, side);
                for (ReferralStatus to : notIn(allowed)) {
                    assertThatThrownBy(() -> ReferralMoves.check(from, to, side, REASON, Optional.of(ReferralOutcome.OTHER)))
                            .isInstanceOfSatisfying(IllegalMoveException.class,
                                    e -> assertThat(e.allowed()).isEqualTo(allowed));
                    refused++;
                }
            }
        }
        // 2 sides x 10 statuses x 10 targets = 200 moves, of which the 30 of the table above are allowed
        assertThat(refused).isEqualTo(200 - 30);
    }

    @Test
    void theAgencyNeverSeesOrMovesADraftAndNothingLeavesAClosedReferralButAnError() {
        assertThat(ReferralMoves.allowed(DRAFT, Party.AGENCY)).isEmpty();
        for (ReferralStatus closed : ReferralMoves.CLOSED) {
            assertThat(ReferralMoves.allowed(closed, Party.AGENCY)).isEmpty();
            assertThat(ReferralMoves.allowed(closed, Party.CENTER))
                    .isEqualTo(closed == ENTERED_IN_ERROR ? Set.of() : Set.of(ENTERED_IN_ERROR));
        }
    }

    @ParameterizedTest(name = "{1} needs a reason")
    @CsvSource(textBlock = """
            AGENCY, REQUESTED,   REJECTED
            AGENCY, REQUESTED,   CANCELLED
            CENTER, REQUESTED,   CANCELLED
            AGENCY, IN_PROGRESS, ON_HOLD
            AGENCY, IN_PROGRESS, FAILED
            """)
    void reasonRequired(Party side, ReferralStatus from, ReferralStatus to) {
        assertThatThrownBy(() -> ReferralMoves.check(from, to, side, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("reason")));
    }

    @Test
    void completionNeedsAnOutcomeAndNothingElseHasOne() {
        assertThatThrownBy(() -> ReferralMoves.check(IN_PROGRESS, COMPLETED, Party.AGENCY, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class, ReferralMovesTest::namesOutcome);
        assertThatThrownBy(() -> ReferralMoves.check(REQUESTED, ACCEPTED, Party.AGENCY, Optional.empty(),
                Optional.of(ReferralOutcome.SUBJECT_SEEN)))
                .isInstanceOfSatisfying(InvalidRequestException.class, ReferralMovesTest::namesOutcome);
        assertThatNoException().isThrownBy(() -> ReferralMoves.check(REQUESTED, ACCEPTED, Party.AGENCY,
                Optional.empty(), Optional.empty()));
    }

    private static void namesOutcome(InvalidRequestException e) {
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("outcome"));
    }

    private static Set<ReferralStatus> notIn(Set<ReferralStatus> allowed) {
        Set<ReferralStatus> others = EnumSet.allOf(ReferralStatus.class);
        others.removeAll(allowed);
        return others;
    }
}
