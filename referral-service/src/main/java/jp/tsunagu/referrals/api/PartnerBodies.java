package jp.tsunagu.referrals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.http.Versioned;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.domain.AnswerChannel;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.PartnerAccess;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.referrals.domain.ReferralDirection;
import jp.tsunagu.referrals.domain.ReferralOutcome;
import jp.tsunagu.referrals.domain.ReferralStep;
import jp.tsunagu.referrals.domain.StatusReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The bodies and views of the partner API: what an agency's own system sends and reads. A view
 * holds only what the center shared with the agency (never the case, the legal basis, the consent
 * or who at the center wrote what), and the mapping into them.
 */
public final class PartnerBodies {

    private PartnerBodies() {
    }

    /** The referral as the agency sees it; {@code history} null in lists and in the feed. */
    static PartnerReferralView view(Referral r, List<ReferralStep> history) {
        InboundDetails in = r.inbound;
        return new PartnerReferralView(r.id, r.direction, r.centerId, r.status, r.purpose, r.reasons, r.urgency, r.sharedSummary,
                Tokyo.offset(r.respondBy), Tokyo.offset(r.requestedAt), Tokyo.offset(r.firstViewedAt), Tokyo.offset(r.answeredAt),
                Tokyo.offset(r.completedAt), Tokyo.offset(r.closedAt),
                r.closedAt == null ? null : Tokyo.offset(r.closedAt.plus(PartnerAccess.AFTER_CLOSURE)),
                r.statusReasonCode == null ? null : new ReferralBodies.ReasonBody(r.statusReasonCode, r.statusReasonText),
                r.outcome,
                in == null ? null : new PartnerInboundView(new ReferralBodies.ContactPersonBody(in.contactPerson().name(),
                        in.contactPerson().relation(), in.contactPerson().phone()), in.concern(), in.consentHeld(),
                        in.doNotContactDirectly()),
                r.version, history == null ? null : history.stream().map(PartnerBodies::step).toList());
    }

    static PartnerStepView step(ReferralStep s) {
        return new PartnerStepView(s.seq, Tokyo.offset(s.at), s.party, s.channel, s.fromStatus, s.toStatus, s.reasonCode,
                s.reasonText, s.outcome, s.note);
    }

    /** A referral as the agency sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A referral as your agency sees it: OUTBOUND ones a center sent you, INBOUND ones you sent a center")
    public record PartnerReferralView(
            UUID id,
            @Schema(description = "OUTBOUND: a center referred someone to you (you answer it); INBOUND: you referred a household to a center")
            ReferralDirection direction,
            @Schema(description = "The regional center on the other side, e.g. tokyo") String centerId,
            ReferralStatus status,
            @Schema(description = "What the center asks of you (OUTBOUND only)") ReferralPurpose purpose,
            Set<ReferralReason> reasons,
            ReferralUrgency urgency,
            @Schema(description = "What the sender wrote for the receiver: all you are told of the person and the household")
            String sharedSummary,
            @Schema(description = "By when the receiving side should accept or reject it") OffsetDateTime respondBy,
            OffsetDateTime requestedAt,
            @Schema(description = "When your agency first opened it (GET of this one referral, or your first answer);"
                    + " lists and the change feed do not count. The center sees it as the receipt")
            OffsetDateTime firstViewedAt,
            @Schema(description = "When it was accepted or rejected") OffsetDateTime answeredAt,
            OffsetDateTime completedAt,
            @Schema(description = "When it reached REJECTED, CANCELLED, COMPLETED, FAILED or ENTERED_IN_ERROR")
            OffsetDateTime closedAt,
            @Schema(description = "While closed: the moment your access ends (closedAt + 30 days); afterwards it is 404"
                    + " and the change feed answers it as removed")
            OffsetDateTime accessEndsAt,
            @Schema(description = "The reason of the latest move that needed one") ReferralBodies.ReasonBody statusReason,
            @Schema(description = "What came of it, once COMPLETED") ReferralOutcome outcome,
            @Schema(description = "INBOUND only: what your agency told the center") PartnerInboundView inbound,
            @Schema(description = "Changes with every move (also sent as the ETag)") long version,
            @Schema(description = "Every move and note of both sides, oldest first (absent in lists and in the change feed)")
            List<PartnerStepView> history) implements Versioned {
    }

    /** One step of the story, without who at the center entered it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerStepView(int seq, OffsetDateTime at,
                                  @Schema(description = "Which side made it: CENTER or AGENCY") Party party,
                                  @Schema(description = "API: through a system; PHONE/FAX: your answer by phone or fax,"
                                          + " entered by the center's staff; SYSTEM: done by Tsunagu for the center"
                                          + " (a withdrawn consent, a case opened from your inbound referral)")
                                  AnswerChannel channel,
                                  ReferralStatus fromStatus, ReferralStatus toStatus, StatusReasonCode reasonCode,
                                  String reasonText, ReferralOutcome outcome, String note) {
    }

    /** What the agency told the center of a household it referred. */
    public record PartnerInboundView(ReferralBodies.ContactPersonBody contactPerson, String concern, boolean consentHeld,
                                     boolean doNotContactDirectly) {
    }

    /** A move by the agency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Move a referral. On one a center sent you: ACCEPTED or REJECTED while REQUESTED; then IN_PROGRESS,"
            + " ON_HOLD, FAILED or COMPLETED; CANCELLED before it is closed. On one you sent: CANCELLED."
            + " A reason is required for REJECTED, CANCELLED, ON_HOLD and FAILED; COMPLETED requires an outcome.")
    public record PartnerStatusBody(@NotNull ReferralStatus status,
                                    @Schema(description = "code (counted in the center's statistics) and a text for the center")
                                    @Valid ReferralBodies.ReasonBody reason,
                                    @Schema(description = "Required with COMPLETED, refused otherwise") ReferralOutcome outcome,
                                    @Schema(description = "A note for the center with the move") @Size(max = 4000) String note) {
    }

    public record PartnerNoteBody(@Schema(description = "A note for the center; the center's notes come back in the history")
                                  @NotBlank @Size(max = 4000) String text) {
    }

    /** A household the agency refers to a center (inbound). */
    public record InboundReferralBody(
            @Schema(description = "The center you refer to, e.g. tokyo")
            @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String centerId,
            @NotEmpty @Size(max = 7) Set<@NotNull ReferralReason> reasons,
            @Schema(description = "Sets when the center should answer: EMERGENCY 1 h, URGENT 24 h, ROUTINE 7 days")
            @NotNull ReferralUrgency urgency,
            @Schema(description = "What the center needs to know, in a few lines") @NotBlank @Size(max = 4000) String sharedSummary,
            @Schema(description = "Whom the center should contact: usually a family member, or your own worker")
            @NotNull @Valid ReferralBodies.ContactPersonBody contactPerson,
            @Schema(description = "What worries you or the family") @NotBlank @Size(max = 4000) String concern,
            @Schema(description = "Whether you hold the household's consent to share this with the center")
            @NotNull Boolean consentHeld,
            @Schema(description = "true: the person must not be contacted directly, only through the contact person")
            @NotNull Boolean doNotContactDirectly) {
    }

    /** A referral changed since the token, or with {@code removed} true one your agency no longer sees. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerChangeItem(UUID id,
                                    @Schema(description = "true: your access ended (30 days after closure); forget it")
                                    Boolean removed,
                                    PartnerReferralView referral) {
    }

    public record PartnerChangesPage(List<PartnerChangeItem> items,
                                     @Schema(description = "The token to send as since next time (and at once while hasMore)")
                                     String next,
                                     boolean hasMore) {
    }
}
