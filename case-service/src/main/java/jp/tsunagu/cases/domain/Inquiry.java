package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.cases.ConsultationChannel;
import jp.tsunagu.events.cases.ConsultationTopic;
import jp.tsunagu.events.cases.ConsultedWith;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.platform.problem.ConflictException;
import jp.tsunagu.platform.problem.InvalidRequestException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An inquiry (問い合わせ) that is not (yet) a case: an anonymous parent asking what the center
 * does. Never a name: who asked, about whom (age band, gender, if said), what about, and where the
 * caller was sent. Counted in the activity report; one may become a case later, once.
 */
@Entity
@Table(name = "inquiry")
public class Inquiry extends PanacheEntityBase {

    /** What is said of an inquiry when it is recorded: everything it ever holds, no name among it. */
    public record Facts(Instant occurredAt, ConsultationChannel channel, ConsultedWith with, Relation relation,
                        AgeBand ageBand, Gender gender, Set<ConsultationTopic> topics, AgencyKind referredTo) {
    }

    @Id
    public UUID id;
    @Column(name = "center_id", updatable = false)
    public String centerId;
    @Version
    public long version;
    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ConsultationChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "consulted_with", updatable = false)
    public ConsultedWith consultedWith;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Relation relation;
    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", updatable = false)
    public AgeBand ageBand;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Gender gender;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Set<ConsultationTopic> topics;
    @Enumerated(EnumType.STRING)
    @Column(name = "referred_to", updatable = false)
    public AgencyKind referredTo;
    /** The case it became; null while it is none. */
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "recorded_at", updatable = false)
    public Instant recordedAt;
    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;

    /** Records an inquiry of the center; the relation is told exactly when a family member asked. */
    public static Inquiry record(String centerId, Facts facts, String by, Instant now) {
        FamilyRelation.violation(facts.with(), facts.relation()).ifPresent(v -> {
            throw new InvalidRequestException(java.util.List.of(v));
        });
        Inquiry inquiry = new Inquiry();
        inquiry.id = UUID.randomUUID();
        inquiry.centerId = centerId;
        inquiry.occurredAt = facts.occurredAt();
        inquiry.channel = facts.channel();
        inquiry.consultedWith = facts.with();
        inquiry.relation = facts.relation();
        inquiry.ageBand = facts.ageBand();
        inquiry.gender = facts.gender();
        inquiry.topics = Set.copyOf(facts.topics());
        inquiry.referredTo = facts.referredTo();
        inquiry.recordedAt = now;
        inquiry.recordedBy = by;
        return inquiry;
    }

    /** The inquiry became this case; it becomes one case once (409 after). */
    public void becameCase(UUID opened) {
        requireNoCase();
        caseId = opened;
    }

    public void requireNoCase() {
        if (caseId != null) {
            throw new ConflictException("The inquiry became a case already");
        }
    }
}
