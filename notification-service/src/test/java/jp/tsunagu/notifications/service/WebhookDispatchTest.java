package jp.tsunagu.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.notifications.domain.RetrySchedule;
import jp.tsunagu.notifications.domain.WebhookSignature;
import jp.tsunagu.notifications.webhooks.DiedDeliveries;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.notifications.webhooks.Receiver;
import jp.tsunagu.notifications.webhooks.ReferralServiceStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.ADMIN;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.agencyId;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveryOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.now;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.requested;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatcher against a real HTTP receiver: signed as Standard Webhooks says (the specification's
 * own library verifies it), retried on the schedule when the receiver fails and delivered when it
 * recovers, a Retry-After honoured, dead after the last attempt with the admins told. Time moves on
 * the application's clock, never by sleeping; the scheduled dispatcher is paused in tests, each test
 * calls it. Every agency is the test's own, so what other tests leave due does not count.
 */
@QuarkusTest
class WebhookDispatchTest {

    private static Receiver receiver;

    @Inject
    PartnerWebhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    DiedDeliveries died;
    @Inject
    DataSource database;
    @Inject
    ObjectMapper json;

    private MovableClock clock;
    private String agency;
    private String secret;
    private String path;

    @BeforeAll
    static void startTheReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @BeforeEach
    void anAgencyWithAWebhook() {
        clock = MovableClock.installedAt(now());
        agency = agencyId("hook");
        secret = secret();
        path = "/hooks/" + agency;
        ReferralServiceStub.endpoint(agency, receiver.url(path), secret, OffsetDateTime.now(ZoneOffset.ofHours(9)));
    }

    @Test
    void aReferralReachesItsAgencySignedAsStandardWebhooksSays() throws Exception {
        receiver.answers(path, 204);
        ReferralRequested referral = requested(agency, clock.instant().minusSeconds(3));
        UUID delivery = deliveryOf(webhooks, database, agency, referral);

        assertThat(dispatcher.dispatchDue()).isPositive();

        List<LoggedRequest> requests = receiver.requests(path);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getHeader("webhook-id")).isEqualTo(delivery.toString());
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThatCode(() -> new Webhook(secret).verify(request.getBodyAsString(), headersOf(request))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(secret()).verify(request.getBodyAsString(), headersOf(request)))
                .isInstanceOf(WebhookVerificationException.class);

        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("type", "timestamp", "data");
        assertThat(body.path("type").asText()).isEqualTo("referral.requested.v1");
        assertThat(OffsetDateTime.parse(body.path("timestamp").asText()).toInstant()).isEqualTo(referral.requestedAt());
        JsonNode data = body.path("data");
        assertThat(data.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("referralId", "agencyId",
                "centerId", "status", "purpose", "reasons", "urgency", "respondBy", "requestedAt");
        assertThat(data.path("referralId").asText()).isEqualTo(referral.referralId().toString());
        assertThat(data.path("agencyId").asText()).isEqualTo(agency);
        assertThat(data.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(data.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(data.path("respondBy").asText()).endsWith("+09:00");
        assertThat(request.getBodyAsString()).doesNotContain(referral.caseId().toString())
                .doesNotContain(referral.consentId().toString()).doesNotContain(referral.requestedBy());

        JsonPath answer = delivery(delivery);
        assertThat(answer.getString("state")).isEqualTo("DELIVERED");
        assertThat(answer.getInt("attempts")).isEqualTo(1);
        assertThat(answer.getInt("attemptHistory[0].httpStatus")).isEqualTo(204);
        assertThat(answer.getString("deliveredAt")).isNotNull();
        assertThat(answer.getString("nextAttemptAt")).isNull();
        // delivered is the end: nothing more goes out
        clock.advance(Duration.ofDays(2));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).hasSize(1);
    }

    @Test
    void aFailingReceiverIsTriedAgainOnTheScheduleWithTheSameIdUntilItRecovers() throws Exception {
        receiver.answersInTurn(path, aResponse().withStatus(503), aResponse().withStatus(500).withBody("boom: stack trace"),
                aResponse().withStatus(200));
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        Instant first = clock.instant();

        dispatcher.dispatchDue();
        JsonPath afterFirst = delivery(delivery);
        assertThat(afterFirst.getString("state")).isEqualTo("PENDING");
        assertThat(afterFirst.getInt("lastHttpStatus")).isEqualTo(503);
        assertThat(instant(afterFirst.getString("nextAttemptAt"))).isBetween(first.plusSeconds(5), first.plusMillis(5500));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).as("not due yet").hasSize(1);

        clock.set(instant(afterFirst.getString("nextAttemptAt")));
        dispatcher.dispatchDue();
        JsonPath afterSecond = delivery(delivery);
        assertThat(afterSecond.getInt("lastHttpStatus")).isEqualTo(500);
        assertThat(instant(afterSecond.getString("nextAttemptAt")))
                .isBetween(first.plus(Duration.ofMinutes(5)), first.plus(Duration.ofMinutes(5)).plusSeconds(30));

        clock.set(instant(afterSecond.getString("nextAttemptAt")));
        dispatcher.dispatchDue();
        JsonPath delivered = delivery(delivery);
        assertThat(delivered.getString("state")).isEqualTo("DELIVERED");
        assertThat(delivered.getList("attemptHistory.httpStatus", Integer.class)).containsExactly(503, 500, 200);
        assertThat(delivered.getList("attemptHistory.number", Integer.class)).containsExactly(1, 2, 3);
        assertThat(delivered.getList("attemptHistory.failure")).containsExactly(null, null, null);
        // the answer's body is never kept
        assertThat(delivered.prettify()).doesNotContain("boom");

        List<LoggedRequest> requests = receiver.requests(path);
        assertThat(requests).hasSize(3).extracting(r -> r.getHeader("webhook-id")).containsOnly(delivery.toString());
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.getFirst().getBodyAsString());
        assertThat(requests).extracting(r -> r.getHeader("webhook-timestamp")).doesNotHaveDuplicates();
        // the first two are within the library's five minutes of now; each carries the signature of its own timestamp
        assertThatCode(() -> new Webhook(secret).verify(requests.get(0).getBodyAsString(), headersOf(requests.get(0))))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(secret).verify(requests.get(1).getBodyAsString(), headersOf(requests.get(1))))
                .doesNotThrowAnyException();
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("webhook-signature")).isEqualTo(WebhookSignature.withSecret(secret).sign(delivery.toString(),
                    Long.parseLong(request.getHeader("webhook-timestamp")), request.getBodyAsString()));
        }
    }

    @Test
    void aLaterRetryAfterIsHonouredInSecondsOrAsADate() {
        Instant first = clock.instant();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(first.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        receiver.answersInTurn(path, aResponse().withStatus(503).withHeader("Retry-After", "120"),
                aResponse().withStatus(429).withHeader("Retry-After", date), aResponse().withStatus(202));
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, first));

        dispatcher.dispatchDue();
        assertThat(instant(delivery(delivery).getString("nextAttemptAt"))).isEqualTo(first.plusSeconds(120));
        clock.set(first.plusSeconds(119));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).as("the schedule's 5 s gave way to the receiver's 120 s").hasSize(1);

        clock.set(first.plusSeconds(120));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).hasSize(2);
        assertThat(instant(delivery(delivery).getString("nextAttemptAt"))).isEqualTo(first.plus(Duration.ofHours(1)));

        clock.set(first.plus(Duration.ofMinutes(40)));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).as("the schedule's 5 min gave way to the receiver's date").hasSize(2);
        clock.set(first.plus(Duration.ofHours(1)));
        dispatcher.dispatchDue();
        assertThat(delivery(delivery).getString("state")).isEqualTo("DELIVERED");
        assertThat(delivery(delivery).getList("attemptHistory.httpStatus", Integer.class)).containsExactly(503, 429, 202);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadAndTheAdminsAreToldOnce() {
        receiver.answers(path, aResponse().withStatus(500));
        Instant first = clock.instant();
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, first));

        List<Duration> after = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            dispatcher.dispatchDue();
            JsonPath state = delivery(delivery);
            assertThat(state.getInt("attempts")).isEqualTo(attempt);
            after.add(Duration.between(first, clock.instant()));
            if (attempt < 10) {
                assertThat(state.getString("state")).isEqualTo("PENDING");
                assertThat(died.of(delivery)).isEmpty();
                clock.set(instant(state.getString("nextAttemptAt")));
            }
        }
        for (int i = 0; i < after.size(); i++) {
            Duration planned = RetrySchedule.STANDARD.get(i);
            Duration gap = i == 0 ? Duration.ZERO : planned.minus(RetrySchedule.STANDARD.get(i - 1));
            assertThat(after.get(i)).as("attempt %d", i + 1).isBetween(planned, planned.plus(gap.dividedBy(10)));
        }
        JsonPath dead = delivery(delivery);
        assertThat(dead.getString("state")).isEqualTo("DEAD");
        assertThat(dead.getString("nextAttemptAt")).isNull();
        assertThat(receiver.requests(path)).hasSize(10);
        assertThat(died.of(delivery)).singleElement().isEqualTo(new WebhookDeliveryDied(delivery, agency, clock.instant()));

        clock.advance(Duration.ofDays(3));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).hasSize(10);
        assertThat(died.of(delivery)).hasSize(1);
    }

    private JsonPath delivery(UUID id) {
        return given().auth().oauth2(ADMIN.token()).when().get("/api/v1/webhook-deliveries/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static Map<String, List<String>> headersOf(LoggedRequest request) {
        return Map.of("webhook-id", List.of(request.getHeader("webhook-id")),
                "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(request.getHeader("webhook-signature")));
    }
}
