package jp.tsunagu.referrals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.referrals.domain.AnswerChannel;
import jp.tsunagu.referrals.domain.ConsentGrantor;
import jp.tsunagu.referrals.domain.ConsentMethod;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.domain.ReferralOutcome;
import jp.tsunagu.referrals.domain.StatusReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The bodies and views of the consent and referral endpoints, the center's and the partners'. */
public final class ReferralBodies {

    private ReferralBodies() {
    }

    /** A consent to share as recorded by the center. */
    public record ConsentBody(@NotNull ConsentGrantor grantedBy,
                              @Schema(description = "Agencies of the directory it names (or agencyKinds, or both)")
                              @Size(max = 50) Set<@NotBlank @Size(max = 63) String> agencyIds,
                              @Schema(description = "Every agency of these kinds") @Size(max = 20) Set<@NotNull AgencyKind> agencyKinds,
                              @NotEmpty Set<@NotNull ReferralPurpose> purposes,
                              @NotNull ConsentMethod method,
                              @NotNull LocalDate grantedOn,
                              @Schema(description = "The last day it holds (inclusive); none: until withdrawn") LocalDate expiresOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentView(UUID id, UUID caseId, ConsentGrantor grantedBy, Set<String> agencyIds, Set<AgencyKind> agencyKinds,
                              Set<ReferralPurpose> purposes, ConsentMethod method, LocalDate grantedOn, LocalDate expiresOn,
                              @Schema(description = "Whether it holds today (Tokyo)") boolean validToday,
                              LocalDate withdrawnOn, OffsetDateTime withdrawnAt, String withdrawnBy,
                              String recordedBy, OffsetDateTime recordedAt, long version) {
    }

    /** A case's consents: few, answered whole (like a case's assessments). */
    public record Consents(List<ConsentView> items) {
    }

    public record Withdrawal(ConsentView consent,
                             @Schema(description = "The referrals resting on it that were cancelled (CONSENT_WITHDRAWN)")
                             List<UUID> cancelledReferrals) {
    }

    /** A referral out of a case, as the center makes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralBody(@NotNull UUID caseId,
                               @NotBlank @Size(max = 63) String agencyId,
                               @NotNull ReferralPurpose purpose,
                               @NotEmpty @Size(max = 7) Set<@NotNull ReferralReason> reasons,
                               @NotNull ReferralUrgency urgency,
                               @Schema(description = "The minimum the agency needs, written for it: the agency sees this and nothing else of the case")
                               @NotBlank @Size(max = 4000) String sharedSummary,
                               @NotNull LegalBasis legalBasis,
                               @Schema(description = "With legalBasis CONSENT: a consent of the case valid today for this agency and purpose")
                               UUID consentId,
                               @Schema(description = "With legalBasis VITAL_INTEREST (APPI art. 27(1)(ii)): why sharing without consent"
                                       + " protects life or body; supervisors see these referrals in a list of their own")
                               @Size(max = 4000) String justification,
                               @Schema(description = "Default: EMERGENCY 1 h, URGENT 24 h, ROUTINE 7 days after sending")
                               OffsetDateTime respondBy,
                               @Schema(description = "true: prepare a DRAFT the agency does not see until it is sent (status REQUESTED)")
                               Boolean draft) {
    }

    /** A reason: a code (counted) and a text written for the other side. */
    public record ReasonBody(@NotNull StatusReasonCode code, @Size(max = 2000) String text) {
    }

    /** A move of a referral: where to, with a reason (REJECTED, CANCELLED, ON_HOLD, FAILED), an outcome (COMPLETED), a note. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MoveBody(@NotNull ReferralStatus status, @Valid ReasonBody reason, ReferralOutcome outcome,
                           @Size(max = 4000) String note) {
    }

    /** A cancellation by the center: the reason is required. */
    public record CancellationBody(@NotNull @Valid ReasonBody reason, @Size(max = 4000) String note) {
    }

    /** An agency's answer given by phone or fax, entered by a supporter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgencyAnswerBody(@NotNull @Schema(enumeration = {"PHONE", "FAX"}) AnswerChannel channel,
                                   @NotNull ReferralStatus status, @Valid ReasonBody reason, ReferralOutcome outcome,
                                   @Size(max = 4000) String note) {
    }

    public record NoteBody(@NotBlank @Size(max = 4000) String text) {
    }

    /** One step of a referral's story. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(int seq, OffsetDateTime at, Party party,
                           @Schema(description = "Who entered it (center view only)") String by,
                           @Schema(description = "API: the agency's system or the center's staff; PHONE/FAX: entered by a"
                                   + " supporter from the agency's call or fax; SYSTEM: a withdrawal's cascade") AnswerChannel channel,
                           ReferralStatus fromStatus, ReferralStatus toStatus, StatusReasonCode reasonCode, String reasonText,
                           ReferralOutcome outcome, String note) {
    }

    public record ContactPersonBody(@NotBlank @Size(max = 200) String name, @Size(max = 100) String relation,
                                    @Size(max = 40) String phone) {
    }

    /** What an agency tells the center of a household it refers (inbound). */
    public record InboundView(ContactPersonBody contactPerson, String concern, boolean consentHeld, boolean doNotContactDirectly) {
    }

    /** A referral as the center sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralView(UUID id, ReferralDirection direction, UUID caseId, String centerId, String agencyId,
                               AgencyKind agencyKind, ReferralStatus status, ReferralPurpose purpose, Set<ReferralReason> reasons,
                               ReferralUrgency urgency, String sharedSummary, LegalBasis legalBasis, UUID consentId,
                               String justification, OffsetDateTime respondBy, boolean overdue, InboundView inbound,
                               ReasonBody statusReason, ReferralOutcome outcome,
                               @Schema(description = "When the agency first read it: the center sees that it arrived")
                               OffsetDateTime firstViewedAt, OffsetDateTime requestedAt, OffsetDateTime answeredAt,
                               OffsetDateTime completedAt, OffsetDateTime closedAt, String createdBy, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long version,
                               @Schema(description = "The whole story, oldest first (in the list: absent)") List<StepView> history) {
    }
}
