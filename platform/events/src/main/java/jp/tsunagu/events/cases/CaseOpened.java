package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * A case was opened from an intake (相談受付): {@code case.opened.v1}.
 *
 * @param caseNumber the case number shown to people, unique per center, e.g. {@code C-2026-000123}
 * @param openedBy   the Keycloak user id of the supporter who opened it
 * @param inboundReferralId the inbound referral of referral-service the case was opened from (its intake
 *                          channel is then usually REFERRAL); {@code null} unless it was opened from one
 */
public record CaseOpened(
        UUID caseId,
        String centerId,
        String caseNumber,
        Phase phase,
        CaseStatus status,
        IntakeChannel intakeChannel,
        Instant openedAt,
        String openedBy,
        UUID inboundReferralId) implements EventData {

    public CaseOpened {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(caseNumber, "caseNumber");
        requireNonNull(phase, "phase");
        requireNonNull(status, "status");
        requireNonNull(intakeChannel, "intakeChannel");
        requireNonNull(openedAt, "openedAt");
        requireNonNull(openedBy, "openedBy");
    }
}
