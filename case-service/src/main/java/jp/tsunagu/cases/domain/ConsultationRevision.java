package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An earlier version of a consultation, kept when it was corrected; never changed. */
@Entity
@Immutable
@Table(name = "consultation_revision")
public class ConsultationRevision extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "consultation_id") UUID consultationId, @Column(name = "version") long version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @JdbcTypeCode(SqlTypes.JSON)
    public ConsultationSnapshot snapshot;
    /** When this version was replaced, and by whom. */
    @Column(name = "revised_at")
    public Instant revisedAt;
    @Column(name = "revised_by")
    public String revisedBy;

    public static ConsultationRevision of(ConsultationSnapshot before, Instant revisedAt, String revisedBy) {
        ConsultationRevision revision = new ConsultationRevision();
        revision.key = new Key(before.id(), before.version());
        revision.snapshot = before;
        revision.revisedAt = revisedAt;
        revision.revisedBy = revisedBy;
        return revision;
    }
}
