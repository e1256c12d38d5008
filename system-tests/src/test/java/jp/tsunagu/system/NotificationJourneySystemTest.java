package jp.tsunagu.system;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.bench.SseEvents;
import jp.tsunagu.local.Service;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Notifications through the real system: a crisis reported in case-service reaches the Tokyo
 * supervisor's inbox and live stream; unacknowledged it escalates (after 4 s here, see
 * RunningSystem), and one acknowledgement stops it for everyone. A referral reaches the agency's
 * own system as a webhook signed after Standard Webhooks; the agency's answer reaches the team.
 */
class NotificationJourneySystemTest {

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    private static String openCase(String supporter) {
        return as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "FATHER")),
                        "subject", Map.of("familyName", "林", "givenName", "湊", "familyNameKana", "ハヤシ",
                                "givenNameKana", "ミナト", "withdrawalSince", "2018-06")))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static void reportCrisis(String supporter, String caseId) {
        as(supporter, Service.CASE).body(Map.of("occurredAt", OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).minusMinutes(5)
                                .toString(), "kinds", List.of("SELF_HARM"), "description", "手首に傷。本人は落ち着いている。",
                        "actions", List.of("PUBLIC_HEALTH_CENTER")))
                .when().post("/api/v1/cases/" + caseId + "/crises").then().statusCode(201);
    }

    /** The user's notification of that kind about the case, once there. */
    private static Optional<Map<String, Object>> notification(String token, String kind, String caseId) {
        JsonPath page = as(token, Service.NOTIFICATION).when().get("/api/v1/notifications?limit=200&kind=" + kind)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(n -> caseId.equals(n.get("caseId"))).findFirst();
    }

    private static Map<String, Object> awaitNotification(String token, String kind, String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notification(token, kind, caseId), Optional::isPresent)
                .orElseThrow();
    }

    private static int escalations(String token, String notificationId) {
        return as(token, Service.NOTIFICATION).when().get("/api/v1/notifications/" + notificationId).then()
                .statusCode(200).extract().path("alert.escalations");
    }

    @Test
    void aCrisisReachesTheSupervisorAtOnceAndOneAcknowledgementStopsItsEscalation() throws Exception {
        String supporter = Logins.password("tokyo-supporter-1");
        String supervisor = Logins.password("tokyo-supervisor");
        String caseId = openCase(supporter);
        String streamUrl = RunningSystem.get().url(Service.NOTIFICATION) + "/api/v1/notifications/stream";
        int mailsBefore = Mailboxes.count(RunningSystem.get().layout(), "tokyo-supervisor@example.invalid");
        try (SseEvents stream = SseEvents.open(HttpClient.newHttpClient(), streamUrl, supervisor)) {
            reportCrisis(supporter, caseId);
            Map<String, Object> alert = awaitNotification(supervisor, "CRISIS_ALERT", caseId);
            assertThat(alert.get("title").toString()).startsWith("【至急】");
            assertThat(alert.toString()).doesNotContain("林", "湊", "手首");
            SseEvents.Event event;
            do {
                event = stream.next(30, TimeUnit.SECONDS);
                assertThat(event).as("the alert on the supervisor's stream").isNotNull();
            } while (!"notification".equals(event.name()) || !event.data().contains(alert.get("id").toString()));
            assertThat(event.id()).isEqualTo(alert.get("seq").toString());

            // the e-mail, in the supervisor's mailbox of the local mail server, over IMAP
            String alertLink = alert.get("link").toString();
            String mail = await().atMost(Duration.ofSeconds(60)).until(() -> Mailboxes.newestHolding(
                    RunningSystem.get().layout(), "tokyo-supervisor@example.invalid", mailsBefore, alertLink), Optional::isPresent).orElseThrow();
            assertThat(mail).contains("危機").doesNotContain("林", "湊", "手首");

            // nobody acknowledges: it escalates to the supervisors; the supporter's own acknowledgement stops it for all
            String alertId = alert.get("id").toString();
            Map<String, Object> escalated = awaitNotification(supervisor, "CRISIS_ESCALATED", caseId);
            // the newest step in the inbox: the first, or a later one if reading the mail took more than a wait
            assertThat(escalated.get("facts").toString()).containsPattern("escalation=[1-9][0-9]*\\b");
            Map<String, Object> supportersAlert = awaitNotification(supporter, "CRISIS_ALERT", caseId);
            as(supporter, Service.NOTIFICATION).when()
                    .post("/api/v1/notifications/" + supportersAlert.get("id") + "/acknowledgement").then().statusCode(200)
                    .body("alert.acknowledgedAt", org.hamcrest.Matchers.notNullValue());
            int made = escalations(supervisor, alertId);
            // twice the wait and more: no further step is made
            await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(15))
                    .until(() -> escalations(supervisor, alertId) == made);
            as(supervisor, Service.NOTIFICATION).when().get("/api/v1/notifications/" + alertId).then().statusCode(200)
                    .body("alert.history[-1].what", equalTo("ACKNOWLEDGED"));
        }
    }

    /** An agency's own system: an HTTP receiver of its webhook deliveries, in this JVM. */
    private record Delivery(Map<String, List<String>> headers, String body) {
    }

    @Test
    void aReferralReachesTheAgencysWebhookSignedAndItsAnswerReachesTheTeamsInbox() throws Exception {
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/tsunagu", exchange -> {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            deliveries.add(new Delivery(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = "whsec_" + Base64.getEncoder()
                    .encodeToString("system-test-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));
            String agencyId = "tokyo-health-center"; // the demo realm's client agency-tokyo-health-center answers for it
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/tsunagu";
            String admin = Logins.password("tsunagu-admin");
            var existing = as(admin, Service.REFERRAL).when().get("/api/v1/agencies/" + agencyId);
            if (existing.statusCode() == 404) {
                as(admin, Service.REFERRAL).body(Map.of("id", agencyId, "name", "新宿区保健所（テスト）", "description", "システムテスト用",
                                "kind", "PUBLIC_HEALTH_CENTER", "municipality", "新宿区", "serviceArea", List.of("新宿区"),
                                "capacity", Map.of("acceptingReferrals", true), "webhook", Map.of("url", url, "secret", secret)))
                        .when().post("/api/v1/agencies").then().statusCode(201);
            } else {
                as(admin, Service.REFERRAL).header("If-Match", existing.header("ETag"))
                        .body(Map.of("webhook", Map.of("url", url, "secret", secret)))
                        .when().patch("/api/v1/agencies/" + agencyId).then().statusCode(200);
            }
            String supporter = Logins.password("tokyo-supporter-1");
            String caseId = openCase(supporter);
            String consentId = as(supporter, Service.REFERRAL).body(Map.of("grantedBy", "SUBJECT", "agencyIds", List.of(agencyId),
                            "purposes", List.of("CONSULTATION"), "method", "WRITTEN",
                            "grantedOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()))
                    .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
            String summary = "30代女性。母親が相談。保健師の助言がほしい。";
            String referralId = as(supporter, Service.REFERRAL).body(Map.of("caseId", caseId, "agencyId", agencyId,
                            "purpose", "CONSULTATION", "reasons", List.of("WELFARE_NEED"), "urgency", "URGENT",
                            "sharedSummary", summary, "legalBasis", "CONSENT", "consentId", consentId))
                    .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");

            Delivery delivery;
            do { // other tests' referrals to this agency may be delivered here too
                delivery = deliveries.poll(60, TimeUnit.SECONDS);
                assertThat(delivery).as("the referral's webhook delivery").isNotNull();
            } while (!delivery.body().contains(referralId));
            new Webhook(secret).verify(delivery.body(), delivery.headers()); // throws unless signed with the agency's secret
            JsonPath payload = JsonPath.from(delivery.body());
            assertThat(payload.getString("type")).isEqualTo("referral.requested.v1");
            assertThat(payload.getString("data.referralId")).isEqualTo(referralId);
            assertThat(delivery.body()).doesNotContain(summary, caseId, "林", "湊");

            // the agency answers through the partner API: the case's team is told
            as(Logins.clientCredentials("agency-" + agencyId), Service.REFERRAL).body(Map.of("status", "ACCEPTED"))
                    .when().post("/api/v1/partner/referrals/" + referralId + "/status").then().statusCode(200);
            Map<String, Object> told = awaitNotification(supporter, "REFERRAL_STATUS_CHANGED", caseId);
            assertThat(told.get("facts").toString()).contains("toStatus=ACCEPTED");
        } finally {
            receiver.stop(0);
        }
    }
}
