package jp.tsunagu.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.cases.domain.Gender;
import jp.tsunagu.cases.domain.Relation;
import jp.tsunagu.cases.domain.RelationshipWithSubject;
import jp.tsunagu.cases.service.DuplicateCandidate;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.http.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the case endpoints answer (their requests are {@link CaseRequests}; {@link CaseMapper} maps
 * both to and from the domain). Fields a caller may not see are absent, not empty: peer
 * supporters get no intake, address, birth date, household health or crisis urgency.
 */
public final class CaseResponses {

    /** The OpenAPI description of a case's {@code inquiryId}. */
    static final String INQUIRY = "The inquiry (POST /inquiries) this case was opened from (POST /inquiries/{id}/case);"
            + " absent when it was opened otherwise, and for peer supporters.";

    /** The OpenAPI description of a case's {@code nextReviewOn}. */
    static final String NEXT_REVIEW = "When the case is next to be reviewed: the nextReviewOn of its case conference"
            + " held last; absent when none set one. GET /cases?reviewDue=true lists the open cases whose date passed.";

    private CaseResponses() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(UUID id, String caseNumber, String centerId, Phase phase, CaseStatus status, long version,
                           OffsetDateTime openedAt, String openedBy, OffsetDateTime updatedAt,
                           IntakeView intake, SubjectView subject, List<HouseholdMemberView> household,
                           CrisisUrgency crisisUrgency, boolean visitOverdue,
                           LocalDate homeVisitsEndedOn, HomeVisitEndReason homeVisitEndReason, OffsetDateTime closedAt,
                           @Schema(description = INQUIRY) UUID inquiryId,
                           @Schema(description = NEXT_REVIEW) LocalDate nextReviewOn,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DuplicateView> warnings)
            implements Versioned {
    }

    public record IntakeView(OffsetDateTime receivedAt, IntakeChannel channel, ConsultantView consultant, String summary,
                             @Schema(description = CaseRequests.INBOUND_REFERRAL)
                             @JsonInclude(JsonInclude.Include.NON_NULL) UUID inboundReferralId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsultantView(Relation relation, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectView(String familyName, String givenName, String familyNameKana, String givenNameKana,
                              LocalDate birthDate, Integer birthYear, Gender gender, String address,
                              String withdrawalSince, List<String> interests) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HouseholdMemberView(Relation relation, String name, Integer birthYear, String health,
                                      boolean keyPerson, RelationshipWithSubject relationshipWithSubject) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseSummary(UUID id, String caseNumber, Phase phase, CaseStatus status, String familyName,
                              String givenName, String familyNameKana, String givenNameKana,
                              CrisisUrgency crisisUrgency, boolean visitOverdue,
                              @Schema(description = NEXT_REVIEW) LocalDate nextReviewOn, OffsetDateTime updatedAt,
                              long version) {
    }

    public record DuplicateView(UUID caseId, String caseNumber, Phase phase, CaseStatus status, String familyNameKana,
                                String givenNameKana, Integer birthYear, Set<DuplicateCandidate.Match> matchedOn) {
    }

    public record Duplicates(List<DuplicateView> items) {
    }
}
