package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.OffsetDateTime;

/**
 * referral-service's service-to-service endpoint of an agency's webhook, asked with this service's
 * own client-credentials token (OIDC client {@code referral-service}; the filter acquires and renews
 * it). Use it through {@link PartnerEndpoints}.
 */
@RegisterRestClient(configKey = "referral-service")
@OidcClientFilter(PartnerEndpoints.OIDC_CLIENT)
@Path("/api/v1/agencies")
public interface ReferralServiceApi {

    /** The answer; {@link #toString} hides the secret. */
    record WebhookEndpointAnswer(String agencyId, String url, String secret, OffsetDateTime rotatedAt) {
        @Override
        public String toString() {
            return "WebhookEndpointAnswer[agencyId=" + agencyId + ", secret=hidden]";
        }
    }

    /** The agency's endpoint; 404 (an exception here) when it has none. */
    @GET
    @Path("{id}/webhook-endpoint")
    @Produces(MediaType.APPLICATION_JSON)
    WebhookEndpointAnswer webhookEndpoint(@PathParam("id") String agencyId);

    /** A tolerant reader: referral-service may add fields before every client knows them. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultMapper) {
        return defaultMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
