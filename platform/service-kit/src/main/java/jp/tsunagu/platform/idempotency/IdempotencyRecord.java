package jp.tsunagu.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * A claimed {@code Idempotency-Key} of one caller; sealed (with the object acted on) when its act
 * committed; completed once the answer is kept ({@code status} stays empty when it was lost).
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord {

    @Embeddable
    public record Key(@Column(name = "caller_id") String callerId,
                      @Column(name = "idempotency_key") String key) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "sealed_at")
    public Instant sealedAt;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Column(name = "completed_at")
    public Instant completedAt;

    public Integer status;

    @Column(name = "content_type")
    public String contentType;

    public String body;

    public String location;

    public String etag;

    boolean isSealed() {
        return sealedAt != null;
    }

    boolean isCompleted() {
        return completedAt != null;
    }
}
