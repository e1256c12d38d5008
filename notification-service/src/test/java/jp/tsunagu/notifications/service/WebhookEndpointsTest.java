package jp.tsunagu.notifications.service;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.notifications.webhooks.Receiver;
import jp.tsunagu.notifications.webhooks.ReferralServiceStub;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static jp.tsunagu.notifications.service.WebhookDispatchTest.headersOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.ADMIN;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.agencyId;
import static jp.tsunagu.testkit.SqlRows.column;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveriesOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.deliveryOf;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.incoming;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.now;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.receive;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.requested;
import static jp.tsunagu.notifications.webhooks.WebhookFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The agency's endpoint as the dispatcher meets it: learned from referral-service (an agency without
 * a webhook gets none, referral-service down is retried), disabled by a 410 until it changes or an
 * admin retries, attempted by two dispatchers at once and delivered once, and its secret in no log.
 */
@QuarkusTest
class WebhookEndpointsTest {

    private static Receiver receiver;

    @Inject
    PartnerWebhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    PartnerEndpoints endpoints;
    @Inject
    DataSource database;

    private MovableClock clock;

    @BeforeAll
    static void startTheReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @BeforeEach
    void aClock() {
        clock = MovableClock.installedAt(now());
    }

    @Test
    void aGoneEndpointIsDisabledUntilItsSecretChangesOrAnAdminRetries() {
        String agency = agencyId("gone");
        String path = "/hooks/" + agency;
        String firstSecret = secret();
        OffsetDateTime rotated = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusDays(1);
        ReferralServiceStub.endpoint(agency, receiver.url(path), firstSecret, rotated);
        receiver.answers(path, 410);

        UUID gone = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(gone).getString("state")).isEqualTo("DISABLED");
        assertThat(delivery(gone).getInt("lastHttpStatus")).isEqualTo(410);
        assertThat(delivery(gone).getString("nextAttemptAt")).isNull();

        // the next delivery to the same endpoint is not attempted
        UUID held = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(held).getString("state")).isEqualTo("DISABLED");
        assertThat(delivery(held).getString("lastFailure")).isEqualTo("ENDPOINT_DISABLED");
        assertThat(receiver.requests(path)).hasSize(1);
        clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertThat(receiver.requests(path)).hasSize(1);

        // the agency's admin sets a new secret in the directory: a new endpoint, tried again
        String newSecret = secret();
        ReferralServiceStub.endpoint(agency, receiver.url(path), newSecret, rotated.plusDays(1));
        endpoints.forget(agency); // what the cache's 30 seconds would do
        receiver.answers(path, 200);
        UUID fresh = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(fresh).getString("state")).isEqualTo("DELIVERED");
        LoggedRequest signedAnew = receiver.requests(path).getLast();
        assertThat(signedAnew.getHeader("webhook-id")).isEqualTo(fresh.toString());

        // gone again; an admin retries the one held back: the disabling is lifted and it goes out
        receiver.answers(path, 410);
        UUID goneAgain = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(goneAgain).getString("state")).isEqualTo("DISABLED");
        receiver.answers(path, 204);
        given().auth().oauth2(ADMIN.token()).when().post("/api/v1/webhook-deliveries/" + held + "/retry").then().statusCode(200);
        dispatcher.dispatchDue();
        assertThat(delivery(held).getString("state")).isEqualTo("DELIVERED");
        assertThat(delivery(held).getList("attemptHistory.failure")).containsExactly("ENDPOINT_DISABLED", null);
        assertThat(receiver.requests(path).getLast().getHeader("webhook-id")).isEqualTo(held.toString());
    }

    @Test
    void anAgencyWithoutAWebhookGetsNoDeliveryAndAnOutageOfReferralServiceIsRetried() {
        String without = agencyId("plain");
        UUID none = deliveryOf(webhooks, database, without, requested(without, clock.instant()));
        String later = agencyId("later");
        String path = "/hooks/" + later;
        ReferralServiceStub.answers(later, 503);
        UUID waiting = deliveryOf(webhooks, database, later, requested(later, clock.instant()));

        dispatcher.dispatchDue();
        assertThat(delivery(none).getString("state")).isEqualTo("NO_ENDPOINT");
        assertThat(delivery(none).getString("lastFailure")).isEqualTo("NO_ENDPOINT");
        JsonPath failed = delivery(waiting);
        assertThat(failed.getString("state")).isEqualTo("PENDING");
        assertThat(failed.getString("lastFailure")).isEqualTo("LOOKUP_FAILED");

        String secret = secret();
        ReferralServiceStub.endpoint(later, receiver.url(path), secret, OffsetDateTime.now(ZoneOffset.ofHours(9)));
        receiver.answers(path, 200);
        clock.set(OffsetDateTime.parse(failed.getString("nextAttemptAt")).toInstant());
        dispatcher.dispatchDue();
        assertThat(delivery(waiting).getString("state")).isEqualTo("DELIVERED");
        assertThat(delivery(waiting).getList("attemptHistory.failure")).containsExactly("LOOKUP_FAILED", null);
        assertThat(ReferralServiceStub.lookups(without)).isEqualTo(1);
    }

    @Test
    void anAgencyGivenAWebhookJustAfterAMissIsDeliveredToAtOnce() {
        String agency = agencyId("soon");
        String path = "/hooks/" + agency;
        UUID before = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(before).getString("state")).isEqualTo("NO_ENDPOINT");

        // the administrator sets its webhook: the miss was not kept
        ReferralServiceStub.endpoint(agency, receiver.url(path), secret(), OffsetDateTime.now(ZoneOffset.ofHours(9)));
        receiver.answers(path, 200);
        UUID after = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        assertThat(delivery(after).getString("state")).isEqualTo("DELIVERED");
        assertThat(receiver.requests(path)).hasSize(1);
    }

    @Test
    void aRetryGoesToTheUrlAnAdminCorrectedMeanwhile() {
        String agency = agencyId("moved");
        String oldPath = "/hooks/" + agency + "/old";
        String newPath = "/hooks/" + agency + "/new";
        String secret = secret();
        OffsetDateTime rotated = OffsetDateTime.now(ZoneOffset.ofHours(9));
        ReferralServiceStub.endpoint(agency, receiver.url(oldPath), secret, rotated);
        receiver.answers(oldPath, 404);
        UUID delivery = deliveryOf(webhooks, database, agency, requested(agency, clock.instant()));
        dispatcher.dispatchDue();
        JsonPath failed = delivery(delivery);
        assertThat(failed.getString("state")).isEqualTo("PENDING");
        assertThat(failed.getInt("lastHttpStatus")).isEqualTo(404);

        // the admin corrects the URL in the directory well within the 30 s the endpoint would be kept
        ReferralServiceStub.endpoint(agency, receiver.url(newPath), secret, rotated);
        receiver.answers(newPath, 200);
        clock.set(OffsetDateTime.parse(failed.getString("nextAttemptAt")).toInstant());
        dispatcher.dispatchDue();
        assertThat(delivery(delivery).getString("state")).isEqualTo("DELIVERED");
        assertThat(receiver.requests(oldPath)).hasSize(1);
        assertThat(receiver.requests(newPath)).hasSize(1);
    }

    @Test
    void twoDispatchersAtOnceDeliverEachWebhookOnce() throws Exception {
        String agency = agencyId("busy");
        String path = "/hooks/" + agency;
        ReferralServiceStub.endpoint(agency, receiver.url(path), secret(), OffsetDateTime.now(ZoneOffset.ofHours(9)));
        receiver.answers(path, aResponse().withStatus(200).withFixedDelay(150));
        for (int i = 0; i < 8; i++) {
            receive(webhooks, incoming(requested(agency, clock.instant())));
        }
        List<UUID> deliveries = deliveriesOf(database, agency);

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> replica = () -> {
            together.await(10, TimeUnit.SECONDS);
            return dispatcher.dispatchDue();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.of(replica, replica), 60, TimeUnit.SECONDS);
            int made = 0;
            for (Future<Integer> run : runs) {
                // each replica made attempts of its own: neither waited for the other's locked row
                assertThat(run.get()).isPositive();
                made += run.get();
            }
            assertThat(made).isGreaterThanOrEqualTo(deliveries.size());
        } finally {
            pool.shutdownNow();
        }

        List<LoggedRequest> requests = receiver.requests(path);
        assertThat(requests).hasSize(deliveries.size());
        Set<String> ids = new HashSet<>();
        requests.forEach(r -> ids.add(r.getHeader("webhook-id")));
        assertThat(ids).hasSize(deliveries.size());
        assertThat(column(database, "select concat(state, ' ', attempts) from webhook_delivery where agency_id = ?", agency))
                .hasSize(deliveries.size()).containsOnly("DELIVERED 1");
    }

    @Test
    void theSecretIsInNoLogLine() {
        String agency = agencyId("quiet");
        String path = "/hooks/" + agency;
        String secret = secret();
        String key = secret.substring("whsec_".length());
        ReferralServiceStub.endpoint(agency, receiver.url(path), secret, OffsetDateTime.now(ZoneOffset.ofHours(9)));
        receiver.answersInTurn(path, aResponse().withStatus(500), aResponse().withStatus(200));

        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (lines) {
                    lines.add(record.getLoggerName() + " " + message + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("jp.tsunagu");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.FINE);
        try {
            endpoints.forget(agency);
            receive(webhooks, incoming(requested(agency, clock.instant())));
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(6));
            dispatcher.dispatchDue();
            ReferralServiceStub.answers(agency, 500);
            endpoints.forget(agency);
            receive(webhooks, incoming(requested(agency, clock.instant())));
            dispatcher.dispatchDue();
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        List<LoggedRequest> requests = receiver.requests(path);
        assertThat(requests).hasSize(2);
        assertThatCode(() -> new Webhook(secret).verify(requests.getLast().getBodyAsString(), headersOf(requests.getLast())))
                .doesNotThrowAnyException();
        synchronized (lines) {
            assertThat(lines).anySatisfy(line -> assertThat(line).contains(agency));
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(key));
        }
    }

    private static JsonPath delivery(UUID id) {
        return given().auth().oauth2(ADMIN.token()).when().get("/api/v1/webhook-deliveries/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}
