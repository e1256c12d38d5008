package jp.tsunagu.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification in one user's inbox. {@code seq} orders the recipient's notifications (the SSE
 * event id). Only its read mark ever changes.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "recipient_id")
    public String recipientId;
    public long seq;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Column(name = "center_id")
    public String centerId;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public Subject.Type subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> facts;
    public String cause;
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;

    public Subject subject() {
        return new Subject(subjectType, subjectId);
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Marked read now, unless it was; answers whether this call marked it. */
    public boolean markRead(Instant at) {
        if (isRead()) {
            return false;
        }
        readAt = at;
        return true;
    }
}
