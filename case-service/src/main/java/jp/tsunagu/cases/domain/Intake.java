package jp.tsunagu.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jp.tsunagu.events.cases.IntakeChannel;

import java.time.Instant;
import java.util.UUID;

/**
 * The first consultation (相談受付), almost always by the family.
 *
 * @param inboundReferralId the inbound referral of referral-service the case was opened from (an agency
 *                          referred the household to the center); {@code null} when it was not
 */
@Embeddable
public record Intake(
        @Column(name = "intake_received_at") Instant receivedAt,
        @Enumerated(EnumType.STRING) @Column(name = "intake_channel") IntakeChannel channel,
        @Enumerated(EnumType.STRING) @Column(name = "consultant_relation") Relation consultantRelation,
        @Column(name = "consultant_name") String consultantName,
        @Column(name = "intake_summary") String summary,
        @Column(name = "intake_inbound_referral_id") UUID inboundReferralId) {
}
