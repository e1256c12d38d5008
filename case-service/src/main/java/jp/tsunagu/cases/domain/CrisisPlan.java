package jp.tsunagu.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the family does in a crisis (危機介入の計画), told to them in advance: whom to call and how,
 * and when it was shared with them.
 */
@Entity
@Table(name = "crisis_plan")
public class CrisisPlan extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Version
    public long version;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CrisisContact> contacts;
    public String instructions;
    @Column(name = "shared_with_family_on")
    public LocalDate sharedWithFamilyOn;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
