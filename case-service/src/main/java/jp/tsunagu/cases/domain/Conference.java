package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.Violation;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A case conference (事例検討会): who attended (staff of the center, partner agencies), the
 * subject's needs and the family's apart, what was decided, when to review again, and the plan
 * revision it produced, if any. Held once, never changed.
 */
@Entity
@Immutable
@Table(name = "conference")
public class Conference extends PanacheEntityBase {

    /** What a conference held says, as asked for. */
    public record Minutes(LocalDate heldOn, List<String> attendeeUserIds, List<String> attendeeAgencyIds,
                          String subjectNeeds, String familyNeeds, String decisions, LocalDate nextReviewOn) {
    }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "held_on")
    public LocalDate heldOn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attendee_user_ids")
    public List<String> attendeeUserIds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attendee_agency_ids")
    public List<String> attendeeAgencyIds;
    @Column(name = "subject_needs")
    public String subjectNeeds;
    @Column(name = "family_needs")
    public String familyNeeds;
    public String decisions;
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;
    /** The plan revision the conference produced; null when it changed no plan. */
    @Column(name = "plan_revision")
    public Integer planRevision;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    /**
     * A conference held on a day up to {@code today} (Tokyo), with its next review after that day;
     * each attendee counted once, in the order given. 400 naming every field that breaks a rule.
     */
    public static Conference held(UUID caseId, Minutes minutes, LocalDate today, String by, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (minutes.heldOn().isAfter(today)) {
            violations.add(new Violation("heldOn", "must not be in the future"));
        }
        if (minutes.nextReviewOn() != null && !minutes.nextReviewOn().isAfter(minutes.heldOn())) {
            violations.add(new Violation("nextReviewOn", "must be after heldOn"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Conference conference = new Conference();
        conference.id = UUID.randomUUID();
        conference.caseId = caseId;
        conference.heldOn = minutes.heldOn();
        conference.attendeeUserIds = List.copyOf(new LinkedHashSet<>(minutes.attendeeUserIds()));
        conference.attendeeAgencyIds = List.copyOf(new LinkedHashSet<>(minutes.attendeeAgencyIds()));
        conference.subjectNeeds = minutes.subjectNeeds();
        conference.familyNeeds = minutes.familyNeeds();
        conference.decisions = minutes.decisions();
        conference.nextReviewOn = minutes.nextReviewOn();
        conference.recordedAt = now;
        conference.recordedBy = by;
        return conference;
    }

    /** Records the plan revision this conference produced (before it is stored). */
    public void produced(int revision) {
        planRevision = revision;
    }
}
