package jp.tsunagu.notifications.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.notifications.domain.AttemptFailure;
import jp.tsunagu.notifications.domain.AttemptOutcome;
import jp.tsunagu.notifications.domain.PartnerEndpoint;
import jp.tsunagu.notifications.domain.RetrySchedule;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * POSTs one signed webhook to an agency's endpoint, after Standard Webhooks 1.0: the headers
 * {@code webhook-id}, {@code webhook-timestamp} (the attempt's time, epoch seconds) and
 * {@code webhook-signature}, the JSON payload as the body. Bounded in time (connect and read
 * timeouts), never following a redirect, never reading the answer's body (it is closed unread).
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "Tsunagu-Webhooks/1.0";

    private final HttpClient http;
    private final WebhookConfig config;

    WebhookSender(WebhookConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends the payload as attempt at {@code at}; answers what came of it. */
    public AttemptOutcome send(PartnerEndpoint endpoint, UUID webhookId, Instant at, String payload) {
        long started = System.nanoTime();
        long timestamp = at.getEpochSecond();
        String signature = endpoint.signature().sign(webhookId.toString(), timestamp, payload);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(config.readTimeout())
                    .header("content-type", "application/json")
                    .header("user-agent", USER_AGENT)
                    .header("webhook-id", webhookId.toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return AttemptOutcome.failed(AttemptFailure.CONNECTION_FAILED, millisSince(started));
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return AttemptOutcome.answered(response.statusCode(),
                    RetrySchedule.retryAfter(response.headers().firstValue("retry-after").orElse(null), at),
                    millisSince(started));
        } catch (HttpConnectTimeoutException e) {
            return AttemptOutcome.failed(AttemptFailure.CONNECTION_FAILED, millisSince(started));
        } catch (HttpTimeoutException e) {
            return AttemptOutcome.failed(AttemptFailure.TIMEOUT, millisSince(started));
        } catch (IOException e) {
            return AttemptOutcome.failed(AttemptFailure.CONNECTION_FAILED, millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptOutcome.failed(AttemptFailure.CONNECTION_FAILED, millisSince(started));
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
