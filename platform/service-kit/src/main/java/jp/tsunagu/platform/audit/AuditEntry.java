package jp.tsunagu.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail: who, with which roles, of which center, did what to what (and of which
 * case), when, from where.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    @Column(name = "center_id")
    public String centerId;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(nullable = false)
    public String action;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditOutcome outcome;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "remote_address")
    public String remoteAddress;

    /** The case the object belongs to (the object itself for a case), when there is one. */
    @Column(name = "case_id")
    public UUID caseId;

    /** The service that served the act, for an entry another service shared; {@code null} for this service's own. */
    @Column(name = "source")
    public String source;
}
