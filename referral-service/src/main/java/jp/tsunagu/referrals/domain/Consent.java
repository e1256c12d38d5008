package jp.tsunagu.referrals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.platform.problem.ConflictException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A consent to share a case's information with agencies (情報提供への同意), as the ledger keeps it:
 * who granted it, how, with whom and for what, from when until when. It is never changed or
 * deleted, only withdrawn; from the day of its withdrawal no new referral may rest on it.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", updatable = false)
    public UUID caseId;
    @Column(name = "center_id", updatable = false)
    public String centerId;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    @Column(name = "granted_by", updatable = false)
    public ConsentGrantor grantedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agency_ids", updatable = false)
    public Set<String> agencyIds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agency_kinds", updatable = false)
    public Set<AgencyKind> agencyKinds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public Set<ReferralPurpose> purposes;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ConsentMethod method;
    @Column(name = "granted_on", updatable = false)
    public LocalDate grantedOn;
    @Column(name = "expires_on", updatable = false)
    public LocalDate expiresOn;
    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;
    @Column(name = "recorded_at", updatable = false)
    public Instant recordedAt;
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    /** A consent as granted, its terms checked (at least one agency or kind, one purpose, a sensible expiry). */
    public static Consent grant(UUID caseId, String centerId, ConsentGrantor grantedBy, ConsentMethod method,
                                ConsentTerms terms, String recordedBy, Instant now) {
        terms.validated();
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = caseId;
        consent.centerId = centerId;
        consent.grantedBy = grantedBy;
        consent.method = method;
        consent.agencyIds = new TreeSet<>(terms.agencyIds());
        consent.agencyKinds = new TreeSet<>(terms.agencyKinds());
        consent.purposes = new TreeSet<>(terms.purposes());
        consent.grantedOn = terms.grantedOn();
        consent.expiresOn = terms.expiresOn().orElse(null);
        consent.recordedBy = recordedBy;
        consent.recordedAt = now;
        return consent;
    }

    public ConsentTerms terms() {
        return new ConsentTerms(agencyIds, agencyKinds, purposes, grantedOn, Optional.ofNullable(expiresOn),
                Optional.ofNullable(withdrawnOn));
    }

    /** Withdraws the consent as of {@code on} (a Tokyo day); a consent is withdrawn once. */
    public void withdraw(LocalDate on, String by, Instant now) {
        if (withdrawnOn != null) {
            throw new ConflictException("The consent was withdrawn on " + withdrawnOn);
        }
        withdrawnOn = on;
        withdrawnAt = now;
        withdrawnBy = by;
    }

    public boolean isWithdrawn() {
        return withdrawnOn != null;
    }
}
