package jp.tsunagu.notifications.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.tsunagu.events.EventData;
import jp.tsunagu.events.EventType;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.notifications.service.PartnerWebhooks;
import jp.tsunagu.platform.cloudevents.CloudEvent;
import jp.tsunagu.platform.inbox.IncomingEvent;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.testkit.TestTokens;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static jp.tsunagu.testkit.SqlRows.column;

/** Events, agencies and rows the webhook tests share. */
public final class WebhookFixtures {

    public static final TestTokens.Builder ADMIN = TestTokens.user("n-admin").roles("admin");
    public static final String CENTER = "tokyo";
    public static final String CENTER_USER = "8d2f4c1e-7b3a-4e6d-9f0c-5a1b2c3d4e5f";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private WebhookFixtures() {
    }

    /** An agency id no other test uses. */
    public static String agencyId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Standard Webhooks secret: whsec_ and the base64 of 32 random bytes. */
    public static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** An instant of the real time to the second (the library's verifier checks webhook-timestamp against it). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public static ReferralRequested requested(UUID referralId, UUID caseId, String agencyId, UUID consentId, Instant at) {
        return new ReferralRequested(referralId, caseId, CENTER, agencyId, AgencyKind.PUBLIC_HEALTH_CENTER,
                ReferralPurpose.BACKUP, Set.of(ReferralReason.SUSPECTED_MENTAL_ILLNESS, ReferralReason.WELFARE_NEED),
                ReferralUrgency.URGENT, LegalBasis.CONSENT, consentId, at.plus(1, ChronoUnit.DAYS), at, CENTER_USER);
    }

    public static ReferralRequested requested(String agencyId, Instant at) {
        return requested(UUID.randomUUID(), UUID.randomUUID(), agencyId, UUID.randomUUID(), at);
    }

    public static ReferralStatusChanged statusChanged(UUID referralId, String agencyId, ReferralStatus from, ReferralStatus to,
                                                      Party by, Instant at) {
        return new ReferralStatusChanged(referralId, UUID.randomUUID(), CENTER, agencyId, AgencyKind.PUBLIC_HEALTH_CENTER,
                from, to, CENTER_USER, by, at);
    }

    public static ConsentWithdrawn withdrawn(UUID consentId, UUID caseId, Set<String> agencyIds, Set<UUID> cancelled, Instant at) {
        return new ConsentWithdrawn(consentId, caseId, CENTER, agencyIds, cancelled, Tokyo.day(at), at, CENTER_USER);
    }

    /** The event as the inbox hands it over: a CloudEvent of referral-service with a new id. */
    public static IncomingEvent incoming(EventData data) {
        return incoming(UUID.randomUUID(), data);
    }

    public static IncomingEvent incoming(UUID eventId, EventData data) {
        EventType type = EventType.of(data.getClass()).orElseThrow();
        try {
            return new IncomingEvent(new CloudEvent(eventId, type.type(), "/tsunagu/referral-service", UUID.randomUUID().toString(),
                    Instant.now(), JSON.writeValueAsString(data)), type, data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the event to the webhooks as the referral-events consumer does: in a transaction of its own. */
    public static void receive(PartnerWebhooks webhooks, IncomingEvent event) {
        QuarkusTransaction.requiringNew().run(() -> webhooks.onEvent(event));
    }

    /** The ids of the agency's deliveries, oldest first. */
    public static List<UUID> deliveriesOf(DataSource database, String agencyId) {
        List<UUID> ids = new ArrayList<>();
        for (String id : column(database, "select id from webhook_delivery where agency_id = ? order by created_at, id", agencyId)) {
            ids.add(UUID.fromString(id));
        }
        return ids;
    }

    /** The delivery the event made for the agency. */
    public static UUID deliveryFor(DataSource database, IncomingEvent event, String agencyId) {
        List<String> ids = column(database, "select id from webhook_delivery where event_id = ? and agency_id = ?",
                event.envelope().id(), agencyId);
        if (ids.size() != 1) {
            throw new IllegalStateException(ids.size() + " deliveries of event " + event.envelope().id() + " to " + agencyId);
        }
        return UUID.fromString(ids.getFirst());
    }

    /** Hands the event to the webhooks and answers the one delivery it made to the agency. */
    public static UUID deliveryOf(PartnerWebhooks webhooks, DataSource database, String agencyId, EventData data) {
        IncomingEvent event = incoming(data);
        receive(webhooks, event);
        return deliveryFor(database, event, agencyId);
    }
}
