package jp.tsunagu.referrals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A referral (つなぎ): out of a case to a partner agency, or from an agency to the center. Its
 * status follows the FHIR Task statuses of the HL7 SDOH Clinical Care guide; every move is checked
 * by {@link ReferralMoves} and told as a {@link ReferralStep}. The shared summary is the minimum the
 * agency needs, written for it; the agency sees it while {@link PartnerAccess} allows.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ReferralDirection direction;
    @Column(name = "center_id", updatable = false)
    public String centerId;
    @Column(name = "agency_id", updatable = false)
    public String agencyId;
    @Enumerated(EnumType.STRING)
    @Column(name = "agency_kind", updatable = false)
    public AgencyKind agencyKind;
    /** The case referred; for an inbound referral, the case the center opened from it (once opened). */
    @Column(name = "case_id")
    public UUID caseId;
    @Version
    public long version;
    /** The partner delta feed's clock, set by the database on every change. */
    @Column(name = "change_seq", insertable = false, updatable = false)
    public long changeSeq;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Enumerated(EnumType.STRING)
    public ReferralPurpose purpose;
    @JdbcTypeCode(SqlTypes.JSON)
    public Set<ReferralReason> reasons;
    @Enumerated(EnumType.STRING)
    public ReferralUrgency urgency;
    @Column(name = "shared_summary")
    public String sharedSummary;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;
    @Column(name = "consent_id")
    public UUID consentId;
    /** Why sharing without consent protects life or body (VITAL_INTEREST); for the center only. */
    public String justification;
    @Column(name = "respond_by")
    public Instant respondBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public InboundDetails inbound;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason_code")
    public StatusReasonCode statusReasonCode;
    @Column(name = "status_reason_text")
    public String statusReasonText;
    @Enumerated(EnumType.STRING)
    public ReferralOutcome outcome;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** The first time the agency read it: the center sees that it arrived. Not a change of the referral. */
    @OptimisticLock(excluded = true)
    @Column(name = "first_viewed_at")
    public Instant firstViewedAt;
    /** When it was accepted or rejected. */
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** When it reached a closed status: the agency's access ends {@link PartnerAccess#AFTER_CLOSURE} later. */
    @Column(name = "closed_at")
    public Instant closedAt;
    /** Moves and notes set it: either is a change the other side's delta feed shows (a new version). */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What the center asks of an agency for one of its cases. */
    public record Request(UUID caseId, String centerId, Agency agency, ReferralPurpose purpose, Set<ReferralReason> reasons,
                          ReferralUrgency urgency, String sharedSummary, LegalBasis legalBasis, Optional<UUID> consentId,
                          Optional<String> justification, Optional<Instant> respondBy, boolean draft) {
    }

    /**
     * A referral out of a case, as a draft or sent ({@code REQUESTED}, with its respond-by time).
     * The legal basis is checked here for its form; whether the consent covers it is checked by the
     * caller, who has the consent.
     */
    public static Referral outbound(Request request, String createdBy, Instant now) {
        if (request.reasons().isEmpty()) {
            throw new InvalidRequestException("reasons", "name at least one reason");
        }
        switch (request.legalBasis()) {
            case CONSENT -> {
                if (request.consentId().isEmpty()) {
                    throw new InvalidRequestException("consentId",
                            "a referral resting on consent names the consent (consentId)");
                }
                if (request.justification().isPresent()) {
                    throw new InvalidRequestException("justification",
                            "only a referral made without consent (VITAL_INTEREST) carries a justification");
                }
            }
            case VITAL_INTEREST -> {
                if (request.justification().filter(j -> !j.isBlank()).isEmpty()) {
                    throw new InvalidRequestException("justification",
                            "sharing without consent to protect life or body (VITAL_INTEREST) needs a justification");
                }
                if (request.consentId().isPresent()) {
                    throw new InvalidRequestException("consentId",
                            "a referral made without consent (VITAL_INTEREST) names no consent");
                }
            }
        }
        if (request.draft() && request.respondBy().isPresent()) {
            throw new InvalidRequestException("respondBy",
                    "a draft has no respond-by time yet: it is set when the draft is sent");
        }
        request.respondBy().filter(by -> !by.isAfter(now)).ifPresent(by -> {
            throw new InvalidRequestException("respondBy", "must be in the future");
        });
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.direction = ReferralDirection.OUTBOUND;
        referral.caseId = request.caseId();
        referral.centerId = request.centerId();
        referral.agencyId = request.agency().id;
        referral.agencyKind = request.agency().kind;
        referral.purpose = request.purpose();
        referral.reasons = new TreeSet<>(request.reasons());
        referral.urgency = request.urgency();
        referral.sharedSummary = request.sharedSummary();
        referral.legalBasis = request.legalBasis();
        referral.consentId = request.consentId().orElse(null);
        referral.justification = request.justification().orElse(null);
        referral.createdBy = createdBy;
        referral.createdAt = now;
        referral.updatedAt = now;
        if (request.draft()) {
            referral.status = ReferralStatus.DRAFT;
        } else {
            referral.status = ReferralStatus.REQUESTED;
            referral.requestedAt = now;
            referral.respondBy = ResponseDeadline.of(request.urgency(), now, request.respondBy());
        }
        return referral;
    }

    /** A household an agency refers to the center; it awaits the center's answer (a case, or a rejection). */
    public static Referral inbound(String centerId, Agency agency, Set<ReferralReason> reasons, ReferralUrgency urgency,
                                   String sharedSummary, InboundDetails details, String createdBy, Instant now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.direction = ReferralDirection.INBOUND;
        referral.centerId = centerId;
        referral.agencyId = agency.id;
        referral.agencyKind = agency.kind;
        referral.reasons = new TreeSet<>(reasons);
        referral.urgency = urgency;
        referral.sharedSummary = sharedSummary;
        referral.inbound = details;
        referral.status = ReferralStatus.REQUESTED;
        referral.createdBy = createdBy;
        referral.createdAt = now;
        referral.requestedAt = now;
        referral.respondBy = ResponseDeadline.of(urgency, now, Optional.empty());
        referral.updatedAt = now;
        return referral;
    }

    /**
     * Moves the referral (409 with the allowed moves when the state or the side does not allow it)
     * and answers the step that tells it; {@code seq} is the step's place in the story.
     */
    public ReferralStep move(ReferralStatus to, Actor actor, Optional<StatusReason> reason,
                             Optional<ReferralOutcome> outcome, Optional<String> note, int seq, Instant now) {
        ReferralMoves.check(status, to, actor.party(), direction, reason, outcome);
        ReferralStep step = ReferralStep.of(id, seq, actor, now);
        step.fromStatus = status;
        step.toStatus = to;
        reason.ifPresent(r -> {
            step.reasonCode = r.code();
            step.reasonText = r.text().orElse(null);
            statusReasonCode = r.code();
            statusReasonText = r.text().orElse(null);
        });
        outcome.ifPresent(o -> step.outcome = o);
        step.note = note.filter(n -> !n.isBlank()).orElse(null);
        if (to == ReferralStatus.REQUESTED) {
            requestedAt = now;
            respondBy = ResponseDeadline.of(urgency, now, Optional.ofNullable(respondBy).filter(now::isBefore));
        }
        if ((to == ReferralStatus.ACCEPTED || to == ReferralStatus.REJECTED) && answeredAt == null) {
            answeredAt = now;
        }
        if (to == ReferralStatus.COMPLETED) {
            completedAt = now;
            this.outcome = outcome.orElseThrow();
        }
        if (ReferralMoves.isClosed(to) && closedAt == null) {
            closedAt = now;
        }
        status = to;
        updatedAt = now;
        return step;
    }

    /** A note from one side, without a move; a closed referral takes no more notes. */
    public ReferralStep note(String text, Actor actor, int seq, Instant now) {
        if (ReferralMoves.isClosed(status)) {
            throw new ConflictException("A " + status + " referral takes no more notes");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("note", "must not be blank");
        }
        ReferralStep step = ReferralStep.of(id, seq, actor, now);
        step.note = text;
        updatedAt = now;
        return step;
    }

    /** Records the agency's first read; answers whether this was it. */
    public boolean viewedByAgency(Instant now) {
        if (firstViewedAt != null) {
            return false;
        }
        firstViewedAt = now;
        return true;
    }

    /**
     * Whether the agency still sees it: once sent (a draft, even one cancelled unsent, never), while
     * open, and for 30 days after it closed.
     */
    public boolean agencySees(Instant now) {
        return requestedAt != null && PartnerAccess.open(status, Optional.ofNullable(closedAt), now);
    }

    public boolean isOverdue(Instant now) {
        return ReferralMoves.awaitsAnswer(status) && respondBy != null && ResponseDeadline.isOverdue(respondBy, now);
    }

    /** The side that receives it and answers: the agency for an outbound referral, the center for an inbound one. */
    public Party answeringSide() {
        return direction == ReferralDirection.OUTBOUND ? Party.AGENCY : Party.CENTER;
    }
}
