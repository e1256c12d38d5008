package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.caseview.CaseView;
import jp.tsunagu.platform.outbox.Outbox;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.UnprocessableException;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.Actor;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.domain.AnswerChannel;
import jp.tsunagu.referrals.domain.Consent;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralMoves;
import jp.tsunagu.referrals.domain.ReferralOutcome;
import jp.tsunagu.referrals.domain.ReferralStep;
import jp.tsunagu.referrals.domain.StatusReason;
import jp.tsunagu.referrals.domain.StatusReasonCode;
import jp.tsunagu.referrals.events.ReferralEvents;
import jp.tsunagu.referrals.security.ReferralAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The center's side of referrals: referring a case to an agency (on a consent that covers it, or
 * to protect life or body with a justification), sending a draft, cancelling, marking in error,
 * notes, and the agency's answers given by phone or fax, entered by a supporter. Every act is
 * audited, and its event published, in the act's own transaction.
 */
@ApplicationScoped
@Transactional
public class ReferralService {

    /** A referral with its whole story, oldest step first. */
    public record ReferralRecord(Referral referral, List<ReferralStep> steps) implements Identified {
        @Override
        public Object id() {
            return referral.id;
        }
    }

    /** A move or an answer: where to, why (code and text for the other side), what came of it, a note. */
    public record Move(ReferralStatus to, Optional<StatusReason> reason, Optional<ReferralOutcome> outcome,
                       Optional<String> note) {
    }

    /** What the center asks, apart from the case and the agency. */
    public record RequestTerms(ReferralPurpose purpose, Set<ReferralReason> reasons, ReferralUrgency urgency,
                               String sharedSummary, LegalBasis legalBasis, Optional<UUID> consentId,
                               Optional<String> justification, Optional<Instant> respondBy, boolean draft) {
    }

    private final EntityManager em;
    private final ReferralAccess access;
    private final ReferralSteps steps;
    private final Outbox outbox;
    private final Clock clock;

    ReferralService(EntityManager em, ReferralAccess access, ReferralSteps steps, Outbox outbox, Clock clock) {
        this.em = em;
        this.access = access;
        this.steps = steps;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Refers a case: the caller works on the case, the case is open, the agency is in the directory,
     * and a consent basis names a consent of this case that covers this agency and purpose today.
     */
    @Audited(action = "referral.create", objectType = "referral")
    public ReferralRecord create(UUID caseId, String agencyId, RequestTerms terms) {
        CaseView view = access.caseOf(caseId);
        if (!view.isOpen()) {
            throw new ConflictException("The case is closed");
        }
        Agency agency = Optional.ofNullable(AgencyIds.isWellFormed(agencyId) ? em.find(Agency.class, agencyId) : null)
                .orElseThrow(() -> new InvalidRequestException("agencyId", "no agency " + agencyId + " in the directory"));
        Instant now = clock.instant();
        Referral.Request request = new Referral.Request(caseId, view.centerId, agency, terms.purpose(), terms.reasons(),
                terms.urgency(), terms.sharedSummary(), terms.legalBasis(), terms.consentId(), terms.justification(),
                terms.respondBy(), terms.draft());
        Referral referral = Referral.outbound(request, access.caller().userId(), now);
        if (referral.legalBasis == LegalBasis.CONSENT) {
            requireCovering(referral.consentId, referral, now);
        }
        em.persist(referral);
        em.flush();
        ReferralStep first = steps.begin(referral, Actor.center(access.caller().userId()));
        if (referral.status == ReferralStatus.REQUESTED) {
            outbox.append(ReferralEvents.requested(referral));
        }
        return new ReferralRecord(referral, List.of(first));
    }

    @Audited(action = "referral.read", objectType = "referral")
    public ReferralRecord get(@AuditObjectId UUID referralId) {
        Referral referral = access.readable(referralId, Optional.ofNullable(em.find(Referral.class, referralId)));
        return new ReferralRecord(referral, steps.of(referralId));
    }

    /**
     * The center moves its referral: sends a draft (REQUESTED; a consent must still cover it),
     * cancels it, marks it entered in error; on an inbound referral, answers it as the agency would.
     */
    @Audited(action = "referral.move", objectType = "referral")
    public ReferralRecord move(@AuditObjectId UUID referralId, Move move) {
        Referral referral = lockReadable(referralId);
        if (move.to() == ReferralStatus.REQUESTED && referral.legalBasis == LegalBasis.CONSENT) {
            requireCovering(referral.consentId, referral, clock.instant());
        }
        steps.move(referral, move.to(), Actor.center(access.caller().userId()), move.reason(), move.outcome(), move.note());
        return new ReferralRecord(referral, steps.of(referralId));
    }

    /** The agency answered by phone or fax: a supporter enters it, the step says who and how. */
    @Audited(action = "referral.agency-answer", objectType = "referral")
    public ReferralRecord recordAgencyAnswer(@AuditObjectId UUID referralId, AnswerChannel channel, Move move) {
        if (channel != AnswerChannel.PHONE && channel != AnswerChannel.FAX) {
            throw new InvalidRequestException("channel", "an agency's answer is entered from a phone call (PHONE) or a fax (FAX)");
        }
        Referral referral = lockReadable(referralId);
        if (referral.answeringSide() != Party.AGENCY) {
            throw new ConflictException("The center answers an inbound referral itself, not on the agency's behalf");
        }
        steps.move(referral, move.to(), Actor.agencyThrough(channel, access.caller().userId()), move.reason(),
                move.outcome(), move.note());
        return new ReferralRecord(referral, steps.of(referralId));
    }

    @Audited(action = "referral.note", objectType = "referral")
    public ReferralRecord addNote(@AuditObjectId UUID referralId, String text) {
        Referral referral = lockReadable(referralId);
        steps.note(referral, text, Actor.center(access.caller().userId()));
        return new ReferralRecord(referral, steps.of(referralId));
    }

    /**
     * Cancels the referrals resting on a withdrawn consent that are not closed yet (reason
     * CONSENT_WITHDRAWN, by the system for whoever withdrew it); answers them. Runs in the
     * withdrawal's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Referral> cancelRestingOn(Consent consent) {
        List<UUID> open = em.createQuery("select r.id from Referral r where r.consentId = :consent and r.status not in :closed"
                        + " order by r.createdAt", UUID.class)
                .setParameter("consent", consent.id).setParameter("closed", ReferralMoves.CLOSED).getResultList();
        StatusReason reason = StatusReason.of(StatusReasonCode.CONSENT_WITHDRAWN);
        return open.stream().map(id -> steps.lock(id).orElseThrow()).filter(r -> !ReferralMoves.isClosed(r.status))
                .peek(r -> steps.move(r, ReferralStatus.CANCELLED, Actor.system(consent.withdrawnBy), Optional.of(reason),
                        Optional.empty(), Optional.empty()))
                .toList();
    }

    private Referral lockReadable(UUID referralId) {
        return access.readable(referralId, steps.lock(referralId));
    }

    /** The consent must be this case's and cover this agency and purpose on the Tokyo day of {@code at}. */
    private void requireCovering(UUID consentId, Referral referral, Instant at) {
        Consent consent = Optional.ofNullable(em.find(Consent.class, consentId)).filter(c -> c.caseId.equals(referral.caseId))
                .orElseThrow(() -> new InvalidRequestException("consentId", "no consent " + consentId + " of this case"));
        if (!consent.terms().covers(referral.agencyId, referral.agencyKind, referral.purpose, Tokyo.day(at))) {
            throw new UnprocessableException("The consent " + consentId + " does not cover sharing with " + referral.agencyId
                    + " for " + referral.purpose + " on " + Tokyo.day(at)
                    + (consent.isWithdrawn() ? " (it was withdrawn on " + consent.withdrawnOn + ")" : "")
                    + ": record a consent that does, or refer on VITAL_INTEREST with a justification");
        }
    }
}
