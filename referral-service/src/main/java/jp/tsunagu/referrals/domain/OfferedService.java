package jp.tsunagu.referrals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A service an agency offers (HSDS service): what it is, whether it runs, who may use it, how to apply. */
@Entity
@Table(name = "agency_service")
public class OfferedService extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agency_id", updatable = false)
    public String agencyId;
    /** Its place in the agency's list. */
    public int position;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public ServiceStatus status;
    /** Who may use it (利用対象). */
    public String eligibility;
    /** How to apply or be referred (利用方法). */
    @Column(name = "application_process")
    public String applicationProcess;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static OfferedService of(String agencyId, AgencyDraft.ServiceDraft draft, int position, Instant now) {
        OfferedService service = new OfferedService();
        service.id = UUID.randomUUID();
        service.agencyId = agencyId;
        service.describe(draft, position, now);
        return service;
    }

    /** Applies the draft; the service's time moves only when something of it changed. */
    public void describe(AgencyDraft.ServiceDraft draft, int position, Instant now) {
        boolean changed = updatedAt == null || this.position != position || !Objects.equals(name, draft.name())
                || !Objects.equals(description, draft.description()) || status != draft.status()
                || !Objects.equals(eligibility, draft.eligibility())
                || !Objects.equals(applicationProcess, draft.applicationProcess());
        this.position = position;
        name = draft.name();
        description = draft.description();
        status = draft.status();
        eligibility = draft.eligibility();
        applicationProcess = draft.applicationProcess();
        if (changed) {
            updatedAt = now;
        }
    }
}
