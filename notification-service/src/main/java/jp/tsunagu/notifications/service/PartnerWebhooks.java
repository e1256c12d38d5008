package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.events.referrals.ConsentWithdrawn;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralStatusChanged;
import jp.tsunagu.notifications.domain.PartnerNotice;
import jp.tsunagu.notifications.domain.PartnerNotices;
import jp.tsunagu.platform.inbox.IncomingEvent;
import jp.tsunagu.platform.time.Tokyo;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns referral-events into partner webhook deliveries ({@link PartnerNotices} says which and with
 * what), queued in the transaction of the event's inbox entry; the {@link WebhookDispatcher} sends
 * them. A delivery is unique per event and agency, so an event that comes again queues nothing more.
 * Which agency each referral went to (and on which consent) is kept from {@code referral.requested.v1},
 * so that a withdrawn consent tells each agency of its own referrals only.
 */
@ApplicationScoped
public class PartnerWebhooks {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    PartnerWebhooks(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Called for every referral-events event, inside the inbox's transaction; events of no concern to an agency pass. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEvent(IncomingEvent event) {
        switch (event.data()) {
            case ReferralRequested r -> {
                rememberReferral(r);
                enqueue(event.envelope().id(), List.of(PartnerNotices.requested(r)));
            }
            case ReferralStatusChanged s -> enqueue(event.envelope().id(), PartnerNotices.statusChanged(s).stream().toList());
            case ConsentWithdrawn c -> enqueue(event.envelope().id(), PartnerNotices.consentWithdrawn(c, agencyOfReferrals(c)));
            default -> {
                // not an agency's business
            }
        }
    }

    private void rememberReferral(ReferralRequested r) {
        em.createNativeQuery("""
                        insert into webhook_referral (referral_id, agency_id, consent_id) values (:referral, :agency, :consent)
                        on conflict do nothing""")
                .setParameter("referral", r.referralId()).setParameter("agency", r.agencyId())
                .setParameter("consent", r.consentId()).executeUpdate();
    }

    private Map<UUID, String> agencyOfReferrals(ConsentWithdrawn c) {
        Map<UUID, String> agencies = new HashMap<>();
        collect(agencies, em.createNativeQuery("select referral_id, agency_id from webhook_referral where consent_id = :consent")
                .setParameter("consent", c.consentId()).getResultList());
        if (!c.cancelledReferralIds().isEmpty()) {
            collect(agencies, em.createNativeQuery("select referral_id, agency_id from webhook_referral where referral_id in (:ids)")
                    .setParameter("ids", List.copyOf(c.cancelledReferralIds())).getResultList());
        }
        return agencies;
    }

    private static void collect(Map<UUID, String> agencies, List<?> rows) {
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            agencies.put((UUID) columns[0], (String) columns[1]);
        }
    }

    private void enqueue(UUID eventId, List<PartnerNotice> notices) {
        for (PartnerNotice notice : notices) {
            em.createNativeQuery("""
                            insert into webhook_delivery (id, event_id, agency_id, type, payload, state, next_attempt_at, created_at)
                            values (:id, :event, :agency, :type, :payload, 'PENDING', :now, :now)
                            on conflict (event_id, agency_id) do nothing""")
                    .setParameter("id", UUID.randomUUID()).setParameter("event", eventId)
                    .setParameter("agency", notice.agencyId()).setParameter("type", notice.type())
                    .setParameter("payload", payload(notice)).setParameter("now", clock.instant()).executeUpdate();
        }
    }

    /** The body sent and signed, the same on every attempt: {@code {type, timestamp, data}}. */
    private String payload(PartnerNotice notice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", notice.type());
        payload.put("timestamp", Tokyo.offset(notice.occurredAt()));
        payload.put("data", notice.data());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload could not be written", e);
        }
    }
}
