package jp.tsunagu.referrals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.security.Roles;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.referrals.service.WebhookEndpoints;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/**
 * For notification-service only (role {@code service}, and its own service account): where an
 * agency's webhooks go and the Standard Webhooks secret they are signed with. The secret is
 * write-only everywhere else; here it is answered with {@code Cache-Control: no-store}.
 */
@Path("/api/v1/agencies/{id}/webhook-endpoint")
@Tag(name = "service-to-service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class WebhookEndpointResource {

    /** The answer; {@link #toString} hides the secret. */
    public record WebhookEndpointView(String agencyId, String url, String secret, OffsetDateTime rotatedAt) {
        @Override
        public String toString() {
            return "WebhookEndpointView[agencyId=" + agencyId + ", secret=hidden]";
        }
    }

    private final WebhookEndpoints endpoints;

    WebhookEndpointResource(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GET
    @Operation(summary = "An agency's webhook URL and signing secret (notification-service's service account only)",
            description = "404 when the agency has no webhook URL or no secret: nothing is delivered unsigned.")
    public Response getWebhookEndpoint(@PathParam("id") String agencyId) {
        WebhookEndpoints.ForDelivery endpoint = endpoints.forDelivery(agencyId);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new WebhookEndpointView(endpoint.agencyId(), endpoint.url(), endpoint.secret(),
                Tokyo.offset(endpoint.rotatedAt()))).cacheControl(noStore).build();
    }
}
