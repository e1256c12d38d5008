package jp.tsunagu.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The event-producing requests of a Tokyo supporter's day, as load for the fault tests: visits
 * (most of them NOT_MET with a letter), crises and referrals to the public health center, on
 * cases opened for the test with the family's consent to share with it.
 */
final class Workload {

    static final String SUPPORTER = "tokyo-supporter-1";
    static final String SUPPORTER_ID = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    static final String HEALTH_CENTER = "tokyo-health-center";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A case of the test and the consent a referral from it rests on. */
    record TestCase(String caseId, String consentId) {
    }

    private Workload() {
    }

    private static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    /** Opens cases for the supporter, each with the family's written consent to share with public health centers. */
    static List<TestCase> openCases(String token, int count) {
        ensureHealthCenter();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = as(token, Service.CASE).body(openCaseBody()).when().post("/api/v1/cases")
                    .then().statusCode(201).extract().path("id");
            String consentId = as(token, Service.REFERRAL).body(Map.of("grantedBy", "FAMILY",
                            "agencyKinds", List.of("PUBLIC_HEALTH_CENTER"), "purposes", List.of("BACKUP"),
                            "method", "WRITTEN", "grantedOn", today))
                    .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
            cases.add(new TestCase(caseId, consentId));
        }
        return cases;
    }

    static Map<String, Object> openCaseBody() {
        return Map.of("intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                        "consultant", Map.of("relation", "MOTHER")),
                "subject", Map.of("familyName", "試験", "givenName", "障害", "familyNameKana", "シケン",
                        "givenNameKana", "ショウガイ", "withdrawalSince", "2019-04"));
    }

    private static void ensureHealthCenter() {
        String admin = Logins.password("tsunagu-admin");
        if (as(admin, Service.REFERRAL).when().get("/api/v1/agencies/" + HEALTH_CENTER).statusCode() == 404) {
            as(admin, Service.REFERRAL).body(Map.of("id", HEALTH_CENTER, "name", "新宿区保健所（テスト）",
                            "description", "システムテスト用", "kind", "PUBLIC_HEALTH_CENTER", "municipality", "新宿区",
                            "serviceArea", List.of("新宿区"), "capacity", Map.of("acceptingReferrals", true)))
                    .when().post("/api/v1/agencies").then().statusCode(201);
        }
    }

    /** The i-th request of the mix: one crisis in 20, one referral in 10, visits otherwise. */
    static Load.Call mixed(int i, List<TestCase> cases, Map<String, String> headers) {
        TestCase testCase = cases.get(i % cases.size());
        if (i % 20 == 0) {
            return crisis(testCase.caseId(), headers);
        }
        if (i % 10 == 5) {
            return referral(testCase, headers);
        }
        return visit(testCase.caseId(), i, headers);
    }

    static Load.Call visit(String caseId, int i, Map<String, String> headers) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(i % 300 + 1, ChronoUnit.MINUTES);
        return new Load.Call("visit", Service.VISIT, "POST", "/api/v1/visits", json(Map.of("caseId", caseId,
                "kind", "HOME", "occurredAt", at.toString(), "durationMinutes", 10, "outcome", "NOT_MET",
                "visitors", List.of(Map.of("userId", SUPPORTER_ID, "role", "STAFF")),
                "leftBehind", List.of(Map.of("kind", "LETTER", "contents", "WHAT_I_CAN_DO")))), headers);
    }

    static Load.Call crisis(String caseId, Map<String, String> headers) {
        return new Load.Call("crisis", Service.CASE, "POST", "/api/v1/cases/" + caseId + "/crises", json(Map.of(
                "occurredAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                "kinds", List.of("SELF_HARM"), "actions", List.of("PUBLIC_HEALTH_CENTER"))), headers);
    }

    static Load.Call referral(TestCase testCase, Map<String, String> headers) {
        return new Load.Call("referral", Service.REFERRAL, "POST", "/api/v1/referrals", json(Map.of(
                "caseId", testCase.caseId(), "agencyId", HEALTH_CENTER, "purpose", "BACKUP",
                "reasons", List.of("SUSPECTED_MENTAL_ILLNESS"), "urgency", "ROUTINE",
                "sharedSummary", "保健師の同行訪問を依頼したい", "legalBasis", "CONSENT",
                "consentId", testCase.consentId())), headers);
    }

    static Load.Call openCase(Map<String, String> headers) {
        return new Load.Call("case", Service.CASE, "POST", "/api/v1/cases", json(openCaseBody()), headers);
    }

    /**
     * Acknowledges the supporter's crisis alerts on the test's cases, which otherwise escalate
     * every few seconds for as long as the system runs. Answers how many were acknowledged.
     */
    static int acknowledgeCrisisAlerts(String token, List<TestCase> cases) {
        Set<String> caseIds = new HashSet<>();
        cases.forEach(c -> caseIds.add(c.caseId()));
        return acknowledgeCrisisAlerts(token, caseIds::contains);
    }

    /** Acknowledges the caller's crisis alerts of the cases named; answers how many. */
    static int acknowledgeCrisisAlerts(String token, java.util.function.Predicate<String> ofCase) {
        int acknowledged = 0;
        String cursor = null;
        do {
            RequestSpecification request = as(token, Service.NOTIFICATION).queryParam("kind", "CRISIS_ALERT")
                    .queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> alert : page.<Map<String, Object>>getList("items")) {
                if (ofCase.test(String.valueOf(alert.get("caseId")))) {
                    as(token, Service.NOTIFICATION).when().post("/api/v1/notifications/" + alert.get("id") + "/acknowledgement")
                            .then().statusCode(200);
                    acknowledged++;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return acknowledged;
    }

    /** A header map with a fresh Idempotency-Key, as a mobile client sends with each creating request. */
    static Map<String, String> idempotencyKey() {
        return new HashMap<>(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of what a 201 created (its JSON {@code id}). */
    static String createdId(Load.Answer answer) {
        try {
            return JSON.readTree(answer.body()).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
