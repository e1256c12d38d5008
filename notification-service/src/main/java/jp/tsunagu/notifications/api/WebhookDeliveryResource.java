package jp.tsunagu.notifications.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.notifications.domain.DeliveryState;
import jp.tsunagu.notifications.service.WebhookDeliveries;
import jp.tsunagu.platform.paging.Page;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/**
 * The partner webhook deliveries, for admins: every delivery, its attempts and its state, and a
 * retry by hand. No case content is in them (the payloads are ids and enums).
 */
@Path("/api/v1/webhook-deliveries")
@Tag(name = "webhook-deliveries", description = "Partner webhook deliveries (Standard Webhooks 1.0), their attempts and retries (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;

    WebhookDeliveryResource(WebhookDeliveries deliveries, ObjectMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    @GET
    @Operation(summary = "Deliveries, newest first: filters state and agencyId")
    public Page<WebhookDeliveryBodies.DeliverySummary> listWebhookDeliveries(@QueryParam("state") DeliveryState state,
                                                           @QueryParam("agencyId") String agencyId,
                                                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        WebhookDeliveries.Filter filter = new WebhookDeliveries.Filter(Optional.ofNullable(state), Optional.ofNullable(agencyId));
        return deliveries.list(filter, PageRequest.of(limit, cursor)).map(WebhookDeliveryBodies::summary);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A delivery with its payload and every attempt")
    public WebhookDeliveryBodies.DeliveryView getWebhookDelivery(@PathParam("id") UUID id) {
        return WebhookDeliveryBodies.view(deliveries.get(id), json);
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Retry a delivery now, with the same webhook-id and a new round of retries (audited)",
            description = "Any state: a delivered one is sent again (the receiver drops a webhook-id it has seen)."
                    + " It also lifts the disabling of the agency's endpoint after a 410 Gone.")
    public WebhookDeliveryBodies.DeliveryView retryWebhookDelivery(@PathParam("id") UUID id) {
        return WebhookDeliveryBodies.view(deliveries.retry(id), json);
    }
}
