package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One revision of the support plan (支援計画): goal, prospect (見通し), the place of home visits in
 * it, and the subject's needs kept apart from the family's. Each change is a new revision with a
 * reason; the highest revision is current.
 */
@Entity
@Immutable
@Table(name = "plan_revision")
public class PlanRevision extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "case_id") UUID caseId, @Column(name = "revision") int revision)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String goal;
    public String prospect;
    @Column(name = "home_visit_role")
    public String homeVisitRole;
    @Column(name = "subject_needs")
    public String subjectNeeds;
    @Column(name = "family_needs")
    public String familyNeeds;
    public String reason;
    @Column(name = "revised_at")
    public Instant revisedAt;
    @Column(name = "revised_by")
    public String revisedBy;
    /** The case conference (事例検討会) that produced this revision; null for one written on its own. */
    @Column(name = "conference_id")
    public UUID conferenceId;

    public int revision() {
        return key.revision();
    }
}
