package jp.tsunagu.referrals.domain;

import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static jp.tsunagu.events.referrals.ReferralStatus.ACCEPTED;
import static jp.tsunagu.events.referrals.ReferralStatus.CANCELLED;
import static jp.tsunagu.events.referrals.ReferralStatus.COMPLETED;
import static jp.tsunagu.events.referrals.ReferralStatus.ENTERED_IN_ERROR;
import static jp.tsunagu.events.referrals.ReferralStatus.IN_PROGRESS;
import static jp.tsunagu.events.referrals.ReferralStatus.REJECTED;
import static jp.tsunagu.events.referrals.ReferralStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A referral as made (its legal basis, draft or sent, its respond-by) and as it moves (what each move sets). */
class ReferralRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final UUID CASE = UUID.fromString("0b0c2c9e-5a4f-4f55-9c1e-7d1b1e7c0a01");
    private static final UUID CONSENT = UUID.fromString("0b0c2c9e-5a4f-4f55-9c1e-7d1b1e7c0a02");
    private static final Actor SUPPORTER = Actor.center("5d6f7a8b-0000-4000-8000-000000000001");
    private static final Actor BY_PHONE = Actor.agencyThrough(AnswerChannel.PHONE, "5d6f7a8b-0000-4000-8000-000000000001");
    private static final Optional<StatusReason> REASON = Optional.of(StatusReason.of(StatusReasonCode.NOT_ELIGIBLE, "区外"));

    private static Agency healthCenter() {
        Agency agency = new Agency();
        agency.id = "shinjuku-health-center";
        agency.kind = AgencyKind.PUBLIC_HEALTH_CENTER;
        return agency;
    }

    private static Referral.Request request(LegalBasis basis, Optional<UUID> consent, Optional<String> justification,
                                            Optional<Instant> respondBy, boolean draft) {
        return new Referral.Request(CASE, "tokyo", healthCenter(), ReferralPurpose.BACKUP, Set.of(ReferralReason.WELFARE_NEED),
                ReferralUrgency.URGENT, "要約", basis, consent, justification, respondBy, draft);
    }

    private static Referral sent() {
        return Referral.outbound(request(LegalBasis.CONSENT, Optional.of(CONSENT), Optional.empty(), Optional.empty(), false),
                SUPPORTER.userId(), NOW);
    }

    /** Each line: basis, with consent id, justification (blank: none), respondBy minutes from now (blank: none), draft, refused field (blank: made). */
    @ParameterizedTest(name = "{0} consent={1} justification=''{2}'' respondBy={3} draft={4}: {5}")
    @CsvSource(textBlock = """
            CONSENT,        true,  ,        ,    false,
            CONSENT,        true,  ,        30,  false,
            CONSENT,        true,  ,        ,    true,
            CONSENT,        false, ,        ,    false, consentId
            CONSENT,        true,  命の危険, ,    false, justification
            VITAL_INTEREST, false, 命の危険, ,    false,
            VITAL_INTEREST, false, ,        ,    false, justification
            VITAL_INTEREST, false, '   ',   ,    false, justification
            VITAL_INTEREST, true,  命の危険, ,    false, consentId
            CONSENT,        true,  ,        30,  true,  respondBy
            CONSENT,        true,  ,        0,   false, respondBy
            CONSENT,        true,  ,        -5,  false, respondBy
            """)
    void theLegalBasisAndRespondByAreCheckedForTheirForm(LegalBasis basis, boolean withConsent, String justification,
                                                         Integer respondByMinutes, boolean draft, String refusedField) {
        Referral.Request request = request(basis, withConsent ? Optional.of(CONSENT) : Optional.empty(),
                Optional.ofNullable(justification), Optional.ofNullable(respondByMinutes).map(m -> NOW.plus(Duration.ofMinutes(m))),
                draft);
        if (refusedField == null) {
            Referral made = Referral.outbound(request, SUPPORTER.userId(), NOW);
            assertThat(made.status).isEqualTo(draft ? ReferralStatus.DRAFT : REQUESTED);
            assertThat(made.legalBasis).isEqualTo(basis);
        } else {
            assertThatThrownBy(() -> Referral.outbound(request, SUPPORTER.userId(), NOW))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(refusedField)));
        }
    }

    @Test
    void aReferralNamesAtLeastOneReason() {
        Referral.Request none = new Referral.Request(CASE, "tokyo", healthCenter(), ReferralPurpose.BACKUP, Set.of(),
                ReferralUrgency.URGENT, "要約", LegalBasis.CONSENT, Optional.of(CONSENT), Optional.empty(), Optional.empty(), false);
        assertThatThrownBy(() -> Referral.outbound(none, SUPPORTER.userId(), NOW)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aSentReferralIsRequestedWithItsRespondByAndADraftIsNot() {
        Referral referral = sent();
        assertThat(referral.direction).isEqualTo(ReferralDirection.OUTBOUND);
        assertThat(referral.agencyId).isEqualTo("shinjuku-health-center");
        assertThat(referral.agencyKind).isEqualTo(AgencyKind.PUBLIC_HEALTH_CENTER);
        assertThat(referral.requestedAt).isEqualTo(NOW);
        assertThat(referral.respondBy).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(referral.answeringSide()).isEqualTo(Party.AGENCY);

        Referral draft = Referral.outbound(request(LegalBasis.CONSENT, Optional.of(CONSENT), Optional.empty(), Optional.empty(), true),
                SUPPORTER.userId(), NOW);
        assertThat(draft.requestedAt).isNull();
        assertThat(draft.respondBy).isNull();
        assertThat(draft.isOverdue(NOW.plus(Duration.ofDays(30)))).isFalse();

        Instant later = NOW.plus(Duration.ofDays(2));
        ReferralStep step = draft.move(REQUESTED, SUPPORTER, Optional.empty(), Optional.empty(), Optional.empty(), 2, later);
        assertThat(step.fromStatus).isEqualTo(ReferralStatus.DRAFT);
        assertThat(draft.requestedAt).isEqualTo(later);
        assertThat(draft.respondBy).as("the default counts from the sending").isEqualTo(later.plus(Duration.ofHours(24)));
    }

    @Test
    void eachMoveSetsWhatItMeansOnce() {
        Referral referral = sent();
        Instant accepted = NOW.plus(Duration.ofHours(1));
        ReferralStep step = referral.move(ACCEPTED, BY_PHONE, Optional.empty(), Optional.empty(), Optional.of("来週訪問"), 2, accepted);
        assertThat(step.party).isEqualTo(Party.AGENCY);
        assertThat(step.channel).isEqualTo(AnswerChannel.PHONE);
        assertThat(step.byUser).isEqualTo(BY_PHONE.userId());
        assertThat(step.note).isEqualTo("来週訪問");
        assertThat(step.seq).isEqualTo(2);
        assertThat(referral.answeredAt).isEqualTo(accepted);
        assertThat(referral.isOverdue(NOW.plus(Duration.ofDays(3)))).as("answered: no longer awaited").isFalse();

        assertThat(referral.move(IN_PROGRESS, BY_PHONE, Optional.empty(), Optional.empty(), Optional.of("  "), 3,
                accepted.plusSeconds(60)).note).as("a blank note is none").isNull();
        assertThat(referral.answeredAt).isEqualTo(accepted);
        assertThat(referral.closedAt).isNull();

        Instant completed = accepted.plus(Duration.ofDays(10));
        ReferralStep done = referral.move(COMPLETED, BY_PHONE, Optional.empty(), Optional.of(ReferralOutcome.SUBJECT_SEEN),
                Optional.empty(), 4, completed);
        assertThat(done.outcome).isEqualTo(ReferralOutcome.SUBJECT_SEEN);
        assertThat(referral.outcome).isEqualTo(ReferralOutcome.SUBJECT_SEEN);
        assertThat(referral.completedAt).isEqualTo(completed);
        assertThat(referral.closedAt).isEqualTo(completed);
        assertThat(referral.agencySees(completed.plus(Duration.ofDays(29)))).isTrue();

        referral.move(ENTERED_IN_ERROR, SUPPORTER, Optional.empty(), Optional.empty(), Optional.empty(), 5, completed.plus(Duration.ofDays(3)));
        assertThat(referral.closedAt).as("the agency's 30 days count from the first closure").isEqualTo(completed);
        assertThat(referral.agencySees(completed.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void theAgencyNeverSeesADraftNotEvenOneCancelledUnsent() {
        Referral draft = Referral.outbound(request(LegalBasis.CONSENT, Optional.of(CONSENT), Optional.empty(), Optional.empty(),
                true), SUPPORTER.userId(), NOW);
        assertThat(draft.agencySees(NOW)).isFalse();
        draft.move(CANCELLED, SUPPORTER, Optional.of(StatusReason.of(StatusReasonCode.NO_LONGER_NEEDED)), Optional.empty(),
                Optional.empty(), 2, NOW.plusSeconds(60));
        assertThat(draft.agencySees(NOW.plusSeconds(120))).as("closed but never sent").isFalse();
        assertThat(sent().agencySees(NOW)).isTrue();
    }

    @Test
    void aRejectionKeepsItsReasonAndNoOtherMoveIsAllowedButAnError() {
        Referral referral = sent();
        ReferralStep step = referral.move(REJECTED, BY_PHONE, REASON, Optional.empty(), Optional.empty(), 2, NOW.plusSeconds(10));
        assertThat(step.reasonCode).isEqualTo(StatusReasonCode.NOT_ELIGIBLE);
        assertThat(step.reasonText).isEqualTo("区外");
        assertThat(referral.statusReasonCode).isEqualTo(StatusReasonCode.NOT_ELIGIBLE);
        assertThat(referral.statusReasonText).isEqualTo("区外");
        assertThat(referral.answeredAt).isEqualTo(NOW.plusSeconds(10));
        assertThat(referral.closedAt).isEqualTo(NOW.plusSeconds(10));
        assertThatThrownBy(() -> referral.move(CANCELLED, SUPPORTER, REASON, Optional.empty(), Optional.empty(), 3, NOW.plusSeconds(20)))
                .isInstanceOf(IllegalMoveException.class);
        assertThat(referral.status).isEqualTo(REJECTED);
    }

    @Test
    void theSidesAreCheckedOnTheReferralItself() {
        Referral referral = sent();
        assertThatThrownBy(() -> referral.move(ACCEPTED, SUPPORTER, Optional.empty(), Optional.empty(), Optional.empty(), 2, NOW))
                .isInstanceOfSatisfying(IllegalMoveException.class,
                        e -> assertThat(e.allowed()).containsExactlyInAnyOrder(CANCELLED, ENTERED_IN_ERROR));
        assertThatThrownBy(() -> referral.move(ENTERED_IN_ERROR, BY_PHONE, Optional.empty(), Optional.empty(), Optional.empty(), 2, NOW))
                .isInstanceOf(IllegalMoveException.class);
        assertThat(referral.status).isEqualTo(REQUESTED);
        assertThat(referral.updatedAt).isEqualTo(NOW);
    }

    @Test
    void notesUntilClosed() {
        Referral referral = sent();
        ReferralStep note = referral.note("母親経由で連絡", SUPPORTER, 2, NOW.plusSeconds(5));
        assertThat(note.isMove()).isFalse();
        assertThat(note.note).isEqualTo("母親経由で連絡");
        assertThat(referral.updatedAt).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> referral.note(" ", SUPPORTER, 3, NOW)).isInstanceOf(InvalidRequestException.class);

        referral.move(CANCELLED, SUPPORTER, REASON, Optional.empty(), Optional.empty(), 3, NOW.plusSeconds(10));
        assertThatThrownBy(() -> referral.note("やはり", SUPPORTER, 4, NOW.plusSeconds(20))).isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "respondBy +{0} min, checked at +{1} min, status {2}: overdue {3}")
    @CsvSource(textBlock = """
            60, 59, REQUESTED, false
            60, 60, REQUESTED, false
            60, 61, REQUESTED, true
            60, 61, ACCEPTED,  false
            60, 61, REJECTED,  false
            """)
    void overdueIsUnansweredPastRespondBy(int respondByMinutes, int checkedAtMinutes, ReferralStatus status, boolean overdue) {
        Referral referral = Referral.outbound(request(LegalBasis.CONSENT, Optional.of(CONSENT), Optional.empty(),
                Optional.of(NOW.plus(Duration.ofMinutes(respondByMinutes))), false), SUPPORTER.userId(), NOW);
        if (status != REQUESTED) {
            referral.move(status, BY_PHONE, REASON.filter(r -> status == REJECTED), Optional.empty(), Optional.empty(), 2, NOW);
        }
        assertThat(referral.isOverdue(NOW.plus(Duration.ofMinutes(checkedAtMinutes)))).isEqualTo(overdue);
    }

    @Test
    void anAgencysAnswerIsEnteredFromAPhoneCallOrAFax() {
        assertThat(Actor.agencyThrough(AnswerChannel.FAX, "u").channel()).isEqualTo(AnswerChannel.FAX);
        assertThatThrownBy(() -> Actor.agencyThrough(AnswerChannel.API, "u")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actor.agencyThrough(AnswerChannel.SYSTEM, "u")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Actor.system("u")).isEqualTo(new Actor(Party.CENTER, "u", AnswerChannel.SYSTEM));
    }
}
