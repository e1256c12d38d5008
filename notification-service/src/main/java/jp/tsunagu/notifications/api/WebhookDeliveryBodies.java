package jp.tsunagu.notifications.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notifications.domain.AttemptFailure;
import jp.tsunagu.notifications.domain.DeliveryState;
import jp.tsunagu.notifications.domain.WebhookAttempt;
import jp.tsunagu.notifications.domain.WebhookDelivery;
import jp.tsunagu.notifications.service.WebhookDeliveries;
import jp.tsunagu.platform.time.Tokyo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The views of the webhook deliveries: ids, enums and times, and the payload (itself ids and enums only). */
public final class WebhookDeliveryBodies {

    private WebhookDeliveryBodies() {
    }

    @Schema(description = "A partner webhook delivery (Standard Webhooks 1.0): one event told to one agency")
    public record DeliverySummary(
            @Schema(description = "The webhook-id header, the same on every attempt") UUID id,
            String agencyId,
            @Schema(description = "The payload's type, e.g. referral.requested.v1") String type,
            DeliveryState state,
            @Schema(description = "Attempts made, an admin's retries included") int attempts,
            OffsetDateTime createdAt,
            @Schema(description = "When the next attempt is due; null once it ended") OffsetDateTime nextAttemptAt,
            OffsetDateTime lastAttemptAt,
            OffsetDateTime deliveredAt,
            @Schema(description = "The last attempt's HTTP status, if the endpoint answered") Integer lastHttpStatus,
            @Schema(description = "Why the last attempt got no HTTP answer") AttemptFailure lastFailure) {
    }

    @Schema(description = "One attempt: its HTTP status or why there was none; the endpoint's answer is never kept")
    public record AttemptView(int number, OffsetDateTime at, Integer httpStatus, AttemptFailure failure, long durationMs) {
    }

    @Schema(description = "A delivery with the payload sent and every attempt")
    public record DeliveryView(
            UUID id, String agencyId, String type, DeliveryState state, int attempts, OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, OffsetDateTime deliveredAt, Integer lastHttpStatus,
            AttemptFailure lastFailure,
            @Schema(description = "The body sent and signed: {type, timestamp, data}, ids and enums only") JsonNode payload,
            @Schema(description = "Oldest first") List<AttemptView> attemptHistory) {
    }

    static DeliverySummary summary(WebhookDelivery d) {
        return new DeliverySummary(d.id, d.agencyId, d.type, d.state, d.attempts, Tokyo.offset(d.createdAt),
                Tokyo.offset(d.nextAttemptAt), Tokyo.offset(d.lastAttemptAt), Tokyo.offset(d.deliveredAt), d.lastHttpStatus,
                d.lastFailure);
    }

    static DeliveryView view(WebhookDeliveries.Detail detail, ObjectMapper json) {
        WebhookDelivery d = detail.delivery();
        JsonNode payload;
        try {
            payload = json.readTree(d.payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeliveryView(d.id, d.agencyId, d.type, d.state, d.attempts, Tokyo.offset(d.createdAt),
                Tokyo.offset(d.nextAttemptAt), Tokyo.offset(d.lastAttemptAt), Tokyo.offset(d.deliveredAt), d.lastHttpStatus,
                d.lastFailure, payload, detail.attempts().stream().map(a -> new AttemptView(a.number,
                        Tokyo.offset(a.attemptedAt), a.httpStatus, a.failure, a.durationMs)).toList());
    }
}
