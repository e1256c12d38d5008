package jp.tsunagu.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.tsunagu.notifications.domain.DeliveryState;
import jp.tsunagu.notifications.domain.WebhookAttempt;
import jp.tsunagu.notifications.domain.WebhookDelivery;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.audit.Identified;
import jp.tsunagu.platform.paging.Cursor;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.problem.InvalidRequestException;
import jp.tsunagu.platform.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The partner webhook deliveries as admins see them: listed, one with its attempts, and retried by
 * hand. A retry re-queues the delivery now, with the same {@code webhook-id} and a new round of the
 * schedule; it also lifts the disabling of the agency's endpoint (the admin says it is back) and
 * forgets the endpoint kept in memory, so that the directory is asked again. Retries are audited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebhookDeliveries {

    /** The filters of the list. */
    public record Filter(Optional<DeliveryState> state, Optional<String> agencyId) {
    }

    /** A delivery with its attempts, oldest first. */
    public record Detail(WebhookDelivery delivery, List<WebhookAttempt> attempts) implements Identified {
        @Override
        public Object id() {
            return delivery.id;
        }
    }

    /** An agency id as the directory makes them (a lowercase slug). */
    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final EntityManager em;
    private final PartnerEndpoints endpoints;
    private final Clock clock;

    WebhookDeliveries(EntityManager em, PartnerEndpoints endpoints, Clock clock) {
        this.em = em;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** Newest first, a page at a time (keyset on the creation time and the id). */
    public Page<WebhookDelivery> list(Filter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder("select d.* from webhook_delivery d where true");
        filter.state().ifPresent(state -> {
            sql.append(" and d.state = :state");
            parameters.put("state", state.name());
        });
        filter.agencyId().ifPresent(agency -> {
            if (agency.length() > 63 || !AGENCY_ID.matcher(agency).matches()) {
                throw new InvalidRequestException("agencyId", "must be an agency id such as tokyo-health-center");
            }
            sql.append(" and d.agency_id = :agency");
            parameters.put("agency", agency);
        });
        page.after().ifPresent(cursor -> {
            sql.append(" and (d.created_at, d.id) < (:afterTime, :afterId)");
            parameters.put("afterTime", cursor.instant(0));
            parameters.put("afterId", cursor.uuid(1));
        });
        sql.append(" order by d.created_at desc, d.id desc");
        var query = em.createNativeQuery(sql.toString(), WebhookDelivery.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, d -> Cursor.of(d.createdAt, d.id));
    }

    public Detail get(UUID id) {
        return detail(find(id, LockModeType.NONE));
    }

    @Transactional
    @Audited(action = "webhook-delivery.retry", objectType = "webhook-delivery")
    public Detail retry(@AuditObjectId UUID id) {
        WebhookDelivery delivery = find(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        delivery.retry(now);
        em.createNativeQuery("delete from webhook_endpoint_disabled where agency_id = :agency")
                .setParameter("agency", delivery.agencyId).executeUpdate();
        endpoints.forget(delivery.agencyId);
        em.flush();
        return detail(delivery);
    }

    private WebhookDelivery find(UUID id, LockModeType lock) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id, lock);
        if (delivery == null) {
            throw new NotFoundException("Webhook delivery", id);
        }
        return delivery;
    }

    private Detail detail(WebhookDelivery delivery) {
        return new Detail(delivery, em.createQuery("from WebhookAttempt a where a.deliveryId = :id order by a.number",
                WebhookAttempt.class).setParameter("id", delivery.id).getResultList());
    }
}
