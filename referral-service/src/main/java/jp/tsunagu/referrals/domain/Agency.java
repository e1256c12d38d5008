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
import jp.tsunagu.platform.problem.ConflictException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner agency (関係機関) of the directory, after Open Referral HSDS's organization: what it
 * is, where, how to reach it, whether it takes referrals now, and where its referral notifications
 * go. The webhook secret is write-only: it can be set, rotated or cleared, never read back here.
 */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String id;
    /** The id the HSDS view answers (HSDS ids are UUIDs); never changes. */
    @Column(name = "hsds_id", updatable = false)
    public UUID hsdsId;
    @Version
    public long version;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public AgencyKind kind;
    /** The municipality (市区町村) the agency belongs to. */
    public String municipality;
    @Column(name = "parent_id")
    public String parentId;
    public String email;
    public String website;
    @JdbcTypeCode(SqlTypes.JSON)
    public Location location;
    @JdbcTypeCode(SqlTypes.JSON)
    public Contact contact;
    @Column(name = "accepting_referrals")
    public boolean acceptingReferrals;
    @Column(name = "available_slots")
    public Integer availableSlots;
    @Column(name = "capacity_note")
    public String capacityNote;
    @Column(name = "capacity_updated_at")
    public Instant capacityUpdatedAt;
    /** The centers' notes on working with the agency: not public, not for the agency. */
    public String notes;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    String webhookSecret;
    @Column(name = "webhook_secret_rotated_at")
    public Instant webhookSecretRotatedAt;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Agency create(AgencyDraft draft, Instant now) {
        Agency agency = new Agency();
        agency.id = draft.id();
        agency.hsdsId = UUID.randomUUID();
        agency.createdAt = now;
        agency.describe(draft, now);
        return agency;
    }

    /** Sets everything of the draft but the id; the agency's time moves (and with it its version). */
    public void describe(AgencyDraft draft, Instant now) {
        if (!id.equals(draft.id())) {
            throw new IllegalArgumentException("an agency keeps its id");
        }
        name = draft.name();
        description = draft.description();
        kind = draft.kind();
        municipality = draft.municipality();
        parentId = draft.parentId();
        email = draft.email();
        website = draft.website();
        location = draft.location();
        contact = draft.contact();
        notes = draft.notes();
        capacity(draft.capacity(), now);
        webhook(draft.webhook(), now);
        updatedAt = now;
    }

    public AgencyDraft.Capacity capacity() {
        return new AgencyDraft.Capacity(acceptingReferrals, Optional.ofNullable(availableSlots), Optional.ofNullable(capacityNote));
    }

    private void capacity(AgencyDraft.Capacity capacity, Instant now) {
        if (capacityUpdatedAt == null || !capacity.equals(capacity())) {
            capacityUpdatedAt = now;
        }
        acceptingReferrals = capacity.acceptingReferrals();
        availableSlots = capacity.availableSlots().orElse(null);
        capacityNote = capacity.note().orElse(null);
    }

    private void webhook(AgencyDraft.Webhook webhook, Instant now) {
        if (webhook == null) {
            webhookUrl = null;
            clearSecret();
            return;
        }
        webhookUrl = webhook.url();
        if (webhook.clearSecret()) {
            clearSecret();
        }
        webhook.newSecret().ifPresent(secret -> setSecret(secret, now));
    }

    /** A new signing secret; an agency without a webhook URL has nothing to sign for (409). */
    public void rotateSecret(WebhookSecret secret, Instant now) {
        if (webhookUrl == null) {
            throw new ConflictException("Agency " + id + " has no webhook URL: set one first");
        }
        setSecret(secret, now);
        updatedAt = now;
    }

    public boolean hasWebhookSecret() {
        return webhookSecret != null;
    }

    /**
     * The signing secret itself, for the one reader that signs with it: notification-service, through
     * the service-to-service endpoint of the webhook (never an answer to a person).
     */
    public Optional<String> signingSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    private void setSecret(WebhookSecret secret, Instant now) {
        webhookSecret = secret.reveal();
        webhookSecretRotatedAt = now;
    }

    private void clearSecret() {
        webhookSecret = null;
        webhookSecretRotatedAt = null;
    }
}
