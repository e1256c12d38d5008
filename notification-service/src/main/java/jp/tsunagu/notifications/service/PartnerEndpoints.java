package jp.tsunagu.notifications.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jp.tsunagu.notifications.domain.PartnerEndpoint;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Where an agency's webhooks go, asked of referral-service's directory and kept in memory a short
 * while ({@value #CACHE}: {@code quarkus.cache.caffeine.tsunagu-webhook-endpoints.expire-after-write}),
 * so that a burst of deliveries asks once. An agency without a webhook is an answer (empty) that
 * is not kept: an administrator may set its webhook any moment, and the next delivery must find it
 * (the system test found a delivery dropped as NO_ENDPOINT within the 30 s after a miss). A
 * failure is not kept either, and is {@link EndpointLookupException}. Nothing of an answer is ever
 * logged: failures log the agency, the status or the failure's class only.
 */
@ApplicationScoped
public class PartnerEndpoints {

    public static final String CACHE = "tsunagu-webhook-endpoints";
    /** The OIDC client (this service's own account) the requests to referral-service carry a token of. */
    public static final String OIDC_CLIENT = "referral-service";

    private static final Logger LOG = Logger.getLogger(PartnerEndpoints.class);

    private final ReferralServiceApi api;
    private final Cache cache;

    PartnerEndpoints(@RestClient ReferralServiceApi api, @CacheName(CACHE) Cache cache) {
        this.api = api;
        this.cache = cache;
    }

    /** The agency's endpoint, kept a while once found; none when it has no webhook (asked again next time). */
    public Optional<PartnerEndpoint> find(String agencyId) {
        Optional<PartnerEndpoint> found = cache.get(agencyId, this::ask).await().indefinitely();
        if (found.isEmpty()) {
            cache.invalidate(agencyId).await().indefinitely();
        }
        return found;
    }

    private Optional<PartnerEndpoint> ask(String agencyId) {
        ReferralServiceApi.WebhookEndpointAnswer answer;
        try {
            answer = api.webhookEndpoint(agencyId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            LOG.warnf("referral-service answered %d when asked for the webhook endpoint of agency %s", status, agencyId);
            throw new EndpointLookupException("referral-service answered " + status);
        } catch (RuntimeException e) {
            LOG.warnf("referral-service could not be asked for the webhook endpoint of agency %s: %s", agencyId,
                    e.getClass().getSimpleName());
            throw new EndpointLookupException("referral-service could not be asked: " + e.getClass().getSimpleName());
        }
        if (answer == null || answer.url() == null || answer.secret() == null || !agencyId.equals(answer.agencyId())) {
            throw new EndpointLookupException("referral-service answered no endpoint of agency " + agencyId);
        }
        return Optional.of(new PartnerEndpoint(agencyId, answer.url(), answer.secret(),
                Optional.ofNullable(answer.rotatedAt()).map(t -> t.toInstant())));
    }

    /** Forgets what was kept of the agency's endpoint: the next delivery asks again. */
    public void forget(String agencyId) {
        cache.invalidate(agencyId).await().indefinitely();
    }
}
