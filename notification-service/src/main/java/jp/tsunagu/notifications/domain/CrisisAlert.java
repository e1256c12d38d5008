package jp.tsunagu.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A crisis alert: raised once per event, told to the case's team and the center's supervisors,
 * acknowledged once by any of them. Until then it escalates to every supervisor of the center
 * {@code escalateAfter} after it was raised and again every {@code escalateAfter}.
 */
@Entity
@Table(name = "crisis_alert")
public class CrisisAlert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "center_id")
    public String centerId;
    /** The event that raised it (an alert per event, whoever processes it). */
    public String cause;
    @Enumerated(EnumType.STRING)
    public AlertOrigin origin;
    @Column(name = "raised_at")
    public Instant raisedAt;
    /** How many escalations were made. */
    public int escalations;
    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Version
    public long version;

    public static CrisisAlert raise(UUID caseId, String centerId, String cause, AlertOrigin origin, Instant at,
                                    Duration escalateAfter) {
        CrisisAlert alert = new CrisisAlert();
        alert.id = UUID.randomUUID();
        alert.caseId = caseId;
        alert.centerId = centerId;
        alert.cause = cause;
        alert.origin = origin;
        alert.raisedAt = at;
        alert.nextEscalationAt = at.plus(escalateAfter);
        return alert;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** Acknowledged by this user now, unless someone did before; answers whether this call did. */
    public boolean acknowledge(String userId, Instant at) {
        if (isAcknowledged()) {
            return false;
        }
        acknowledgedAt = at;
        acknowledgedBy = userId;
        nextEscalationAt = null;
        return true;
    }

    public boolean isDue(Instant now) {
        return !isAcknowledged() && nextEscalationAt != null && !nextEscalationAt.isAfter(now);
    }

    /**
     * The next escalation, made now: answers its number (1 for the first). The one after is
     * {@code every} after this one, not after when it was due: a late look does not bunch them.
     */
    public int escalate(Instant now, Duration every) {
        if (!isDue(now)) {
            throw new IllegalStateException("alert " + id + " is not due for escalation");
        }
        escalations++;
        nextEscalationAt = now.plus(every);
        return escalations;
    }
}
