package jp.tsunagu.events.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.events.EventData;

/**
 * An assessment (見立て) was recorded: {@code case.assessment-recorded.v1}. Only its judgements, never
 * its notes.
 *
 * @param crisisFactors the crisis factors judged present; empty when none
 */
public record CaseAssessmentRecorded(
        UUID caseId,
        String centerId,
        UUID assessmentId,
        LocalDate assessedOn,
        WithdrawalDegree withdrawalDegree,
        FamilyCapacity familyCapacity,
        CrisisUrgency crisisUrgency,
        Set<CrisisFactor> crisisFactors,
        Instant recordedAt,
        String recordedBy) implements EventData {

    public CaseAssessmentRecorded {
        requireNonNull(caseId, "caseId");
        requireNonNull(centerId, "centerId");
        requireNonNull(assessmentId, "assessmentId");
        requireNonNull(assessedOn, "assessedOn");
        requireNonNull(withdrawalDegree, "withdrawalDegree");
        requireNonNull(familyCapacity, "familyCapacity");
        requireNonNull(crisisUrgency, "crisisUrgency");
        crisisFactors = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(crisisFactors, "crisisFactors")));
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(recordedBy, "recordedBy");
    }
}
