package jp.tsunagu.visits.domain;

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

/** An earlier version of a visit, kept when it was corrected; never changed. */
@Entity
@Immutable
@Table(name = "visit_revision")
public class VisitRevision extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "visit_id") UUID visitId, @Column(name = "version") long version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @JdbcTypeCode(SqlTypes.JSON)
    public VisitSnapshot snapshot;
    @Column(name = "revised_at")
    public Instant revisedAt;
    @Column(name = "revised_by")
    public String revisedBy;
}
