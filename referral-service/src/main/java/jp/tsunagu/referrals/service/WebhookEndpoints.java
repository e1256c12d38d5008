package jp.tsunagu.referrals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.platform.audit.AuditObjectId;
import jp.tsunagu.platform.audit.Audited;
import jp.tsunagu.platform.problem.NotFoundException;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.AgencyIds;
import jp.tsunagu.referrals.security.WebhookEndpointReaders;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Where an agency's webhooks go and the secret they are signed with, for the service that delivers
 * them (notification-service): the only way the secret leaves this service after it was set.
 * Every read is audited (the agency's id, never the secret); a refused one too.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpoints {

    /** An agency's endpoint; {@link #toString} hides the secret, so that no log line can carry it. */
    public record ForDelivery(String agencyId, String url, String secret, Instant rotatedAt) {
        @Override
        public String toString() {
            return "ForDelivery[agencyId=" + agencyId + ", secret=hidden]";
        }
    }

    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    private final EntityManager em;
    private final WebhookEndpointReaders readers;

    WebhookEndpoints(EntityManager em, WebhookEndpointReaders readers) {
        this.em = em;
        this.readers = readers;
    }

    /**
     * The agency's URL and secret; 404 when the agency is unknown or has no webhook it could be
     * sent (a URL and a secret: an unsigned delivery is never made); 403 to any other caller.
     */
    @Audited(action = "agency.webhook-endpoint.read", objectType = "agency")
    public ForDelivery forDelivery(@AuditObjectId String agencyId) {
        readers.requireReader();
        Agency agency = AgencyIds.isWellFormed(agencyId) ? em.find(Agency.class, agencyId) : null;
        if (agency == null || agency.webhookUrl == null || agency.signingSecret().isEmpty()) {
            throw new NotFoundException("Webhook endpoint of agency", agencyId);
        }
        LOG.debugf("the webhook endpoint of agency %s was read for delivery", agency.id);
        return new ForDelivery(agency.id, agency.webhookUrl, agency.signingSecret().get(), agency.webhookSecretRotatedAt);
    }
}
