package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CrisisUrgency;
import jp.tsunagu.events.cases.HomeVisitEndReason;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.platform.problem.ConflictException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A case (ケース): one person in withdrawal and their family, from the first consultation to
 * closure. Holds the current state; the history (assessments, plan revisions, transitions,
 * crises, closures) lives in its own rows.
 */
@Entity
@Table(name = "support_case")
public class SupportCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "center_id", nullable = false, updatable = false)
    public String centerId;

    @Column(name = "case_number", nullable = false, updatable = false)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Version
    public long version;

    /** The team resource's own version (its ETag); a team change is not a change of the case's version. */
    @OptimisticLock(excluded = true)
    @Column(name = "team_version")
    public long teamVersion;

    /** The delta feed's clock: the database sets it from {@code case_change_seq} on every change. */
    @Column(name = "change_seq", insertable = false, updatable = false)
    public long changeSeq;

    @Column(name = "opened_at", updatable = false)
    public Instant openedAt;

    @Column(name = "opened_by", updatable = false)
    public String openedBy;

    /** When anything of the case last changed (its history included); not part of its version. */
    @OptimisticLock(excluded = true)
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embedded
    public Intake intake;

    @Embedded
    public Subject subject;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> interests;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<HouseholdMember> household;

    @Column(name = "kana_key")
    String kanaKey;
    @Column(name = "family_kana_key")
    String familyKanaKey;
    @Column(name = "given_kana_key")
    String givenKanaKey;
    @Column(name = "name_key")
    String nameKey;
    @Column(name = "family_name_key")
    String familyNameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_urgency")
    public CrisisUrgency crisisUrgency;

    @Column(name = "home_visits_ended_on")
    public LocalDate homeVisitsEndedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "home_visit_end_reason")
    public HomeVisitEndReason homeVisitEndReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Learned from visit-service: overdue for a visit since then; null when not overdue. */
    @Column(name = "visit_overdue_since")
    public Instant visitOverdueSince;

    /** The inquiry (問い合わせ) the case was opened from; null when it was opened from none. */
    @Column(name = "inquiry_id", updatable = false)
    public UUID inquiryId;

    /**
     * When the case is next to be reviewed in a conference (事例検討会): the date the latest
     * conference set; null when none set one. A change of it is history, not a new version.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    /** Opens a case from a family consultation: phase ASSESSMENT, status OPEN. */
    public static SupportCase open(String centerId, String caseNumber, Intake intake, Subject subject,
                                   List<String> interests, List<HouseholdMember> household, String openedBy, Instant now) {
        SupportCase created = new SupportCase();
        created.id = UUID.randomUUID();
        created.centerId = centerId;
        created.caseNumber = caseNumber;
        created.phase = Phase.ASSESSMENT;
        created.status = CaseStatus.OPEN;
        created.openedAt = now;
        created.openedBy = openedBy;
        created.updatedAt = now;
        created.intake = intake;
        created.crisisUrgency = CrisisUrgency.NONE;
        created.describe(subject, interests, household);
        return created;
    }

    /** Replaces what is known of the subject and the household. */
    public void describe(Subject subject, List<String> interests, List<HouseholdMember> household) {
        requireOpen();
        this.subject = subject;
        this.interests = List.copyOf(interests);
        this.household = List.copyOf(household);
        kanaKey = KanaFolding.fold(subject.familyNameKana() + subject.givenNameKana());
        familyKanaKey = KanaFolding.fold(subject.familyNameKana());
        givenKanaKey = KanaFolding.fold(subject.givenNameKana());
        nameKey = KanaFolding.fold(subject.familyName() + subject.givenName());
        familyNameKey = KanaFolding.fold(subject.familyName());
    }

    /** Moves to another phase; stepping back is allowed and answered as such. */
    public PhaseTransition moveTo(Phase target, String reason, String by, Instant now) {
        requireOpen();
        if (target == phase) {
            throw new ConflictException("The case is already in phase " + phase);
        }
        PhaseTransition transition = PhaseTransition.of(this, phase, target, reason, by, now);
        phase = target;
        if (target != Phase.FOLLOW_UP) {
            homeVisitsEndedOn = null;
            homeVisitEndReason = null;
        }
        return transition;
    }

    /** Home visits end (訪問支援の終了); support goes on from behind in FOLLOW_UP. */
    public PhaseTransition endHomeVisits(HomeVisitEndReason reason, LocalDate on, String by, Instant now) {
        requireOpen();
        if (homeVisitsEndedOn != null) {
            throw new ConflictException("Home visits already ended on " + homeVisitsEndedOn);
        }
        PhaseTransition transition = phase == Phase.FOLLOW_UP ? null
                : PhaseTransition.of(this, phase, Phase.FOLLOW_UP, "home visits ended: " + reason, by, now);
        phase = Phase.FOLLOW_UP;
        homeVisitsEndedOn = on;
        homeVisitEndReason = reason;
        return transition;
    }

    public void close(Instant now) {
        requireOpen();
        status = CaseStatus.CLOSED;
        closedAt = now;
    }

    public void reopen() {
        if (status != CaseStatus.CLOSED) {
            throw new ConflictException("Only a closed case can be reopened");
        }
        status = CaseStatus.OPEN;
        closedAt = null;
    }

    public void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new CaseClosedException();
        }
    }

    /** Records that the case or its history changed: the list order and the delta feed follow it. */
    public void touched(Instant now) {
        this.updatedAt = now;
    }

    /**
     * A conference was held: the next review is the one set by the conference held last, so a
     * conference recorded late, held before the latest one, changes nothing.
     *
     * @param latestHeldOn the day the latest conference recorded before this one was held, if any
     */
    public void conferenceHeld(Conference conference, Optional<LocalDate> latestHeldOn) {
        if (latestHeldOn.isEmpty() || !conference.heldOn.isBefore(latestHeldOn.get())) {
            nextReviewOn = conference.nextReviewOn;
        }
    }

    /** Due for review on that day: open, and its review date passed (before the day) without a conference. */
    public boolean reviewDueOn(LocalDate day) {
        return status == CaseStatus.OPEN && nextReviewOn != null && nextReviewOn.isBefore(day);
    }

    public boolean inCrisis() {
        return crisisUrgency != CrisisUrgency.NONE;
    }
}
