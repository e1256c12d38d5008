package jp.tsunagu.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.platform.paging.PageRequest;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request refused by role, before any act, leaves a DENIED entry written before the 403 is
 * answered: of the case the request names when this service knows it (the probe app's cases are
 * its probes), or of the object of a case its path names (the probe app's visits), else of the
 * request alone; never with the body or the query's other values.
 */
@QuarkusTest
class RoleRefusalTest {

    private static final TestTokens.Builder SUPPORTER = TestTokens.user("refused-supporter").roles("supporter").center("tokyo");
    private static final String SECRET = "秘密の理由";

    @Inject
    EntityManager em;

    @Inject
    AuditTrail trail;

    private List<AuditEntry> entriesOf(String requestId) {
        return AuditEntries.where(em, "requestId", requestId);
    }

    private static String requestId() {
        return "refusal-" + UUID.randomUUID();
    }

    private static String probeOfTokyo() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(SUPPORTER.token()).contentType("application/json")
                .body(Map.of("id", id, "name", "ケース", "channel", "PHONE"))
                .when().post("/test/probes").then().statusCode(201);
        return id;
    }

    /** A visit of the case, kept where the probe app's {@code CaseObjects} finds it. */
    private String visitOf(String caseId) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into probe_visit (id, probe_id) values (?, ?)")
                .setParameter(1, UUID.fromString(id)).setParameter(2, UUID.fromString(caseId)).executeUpdate());
        return id;
    }

    private static void assertKeepsNothingOf(AuditEntry entry, String... values) {
        for (String value : values) {
            assertThat(List.of(entry.action, entry.objectType, String.valueOf(entry.objectId), entry.actorRoles,
                    String.valueOf(entry.requestId))).noneMatch(field -> field.contains(value));
        }
    }

    @Test
    void aRequestRefusedByRoleLeavesADeniedEntryOfTheCallerAndTheRequest() {
        String requestId = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", requestId).queryParam("q", SECRET)
                .when().get("/test/probes/supervised").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this"));

        List<AuditEntry> entries = entriesOf(requestId);
        assertThat(entries).hasSize(1);
        AuditEntry entry = entries.getFirst();
        assertThat(entry.action).isEqualTo("request.role-refused");
        assertThat(entry.objectType).isEqualTo("request");
        assertThat(entry.objectId).isNull();
        assertThat(entry.caseId).isNull();
        assertThat(entry.outcome).isEqualTo(AuditOutcome.DENIED);
        assertThat(entry.actorId).isEqualTo(SUPPORTER.subject());
        assertThat(entry.actorRoles).isEqualTo("supporter");
        assertThat(entry.centerId).isEqualTo("tokyo");
        assertThat(entry.remoteAddress).isEqualTo("127.0.0.1");
        assertKeepsNothingOf(entry, SECRET);
    }

    @Test
    void aRefusalOnAKnownCasesPathIsAnEntryOfThatCaseWithoutTheBody() {
        String caseId = probeOfTokyo();
        String requestId = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", requestId).contentType("application/json")
                .body(Map.of("reason", SECRET)).when().post("/test/cases/" + caseId + "/closure").then().statusCode(403);

        List<AuditEntry> entries = entriesOf(requestId);
        assertThat(entries).hasSize(1);
        AuditEntry entry = entries.getFirst();
        assertThat(entry.action).isEqualTo("request.role-refused");
        assertThat(entry.objectType).isEqualTo("case");
        assertThat(entry.objectId).isEqualTo(caseId);
        assertThat(entry.caseId).hasToString(caseId);
        assertKeepsNothingOf(entry, SECRET);
        assertThat(trail.forCase(UUID.fromString(caseId), PageRequest.of(null, null)).items())
                .extracting(e -> e.action).contains("request.role-refused");
    }

    @Test
    void aCaseNamedInTheQueryIsTheEntrysCaseAndTheOtherValuesAreNotKept() {
        String caseId = probeOfTokyo();
        String requestId = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", requestId)
                .queryParam("caseId", caseId).queryParam("q", SECRET)
                .when().get("/test/probes/supervised").then().statusCode(403);

        assertThat(entriesOf(requestId)).singleElement().satisfies(entry -> {
            assertThat(entry.objectType).isEqualTo("case");
            assertThat(entry.caseId).hasToString(caseId);
            assertKeepsNothingOf(entry, SECRET);
        });
    }

    @Test
    void aCaseThisServiceDoesNotKnowLeavesTheEntryWithoutACase() {
        String requestId = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", requestId)
                .when().get("/test/cases/" + UUID.randomUUID()).then().statusCode(403);

        assertThat(entriesOf(requestId)).singleElement().satisfies(entry -> {
            assertThat(entry.objectType).isEqualTo("request");
            assertThat(entry.objectId).isNull();
            assertThat(entry.caseId).isNull();
        });
    }

    @Test
    void aRefusalOnThePathOfAnObjectOfAKnownCaseIsAnEntryOfThatObjectInTheCasesAccessLog() {
        String caseId = probeOfTokyo();
        String visitId = visitOf(caseId);
        String otherCase = probeOfTokyo();
        String read = requestId();
        String below = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", read).queryParam("q", SECRET)
                .when().get("/test/visits/" + visitId).then().statusCode(403);
        // the object its path names, not a case its query names
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", below).queryParam("caseId", otherCase)
                .when().get("/test/visits/" + visitId + "/revisions").then().statusCode(403);

        for (String requestId : List.of(read, below)) {
            assertThat(entriesOf(requestId)).singleElement().satisfies(entry -> {
                assertThat(entry.action).isEqualTo("request.role-refused");
                assertThat(entry.outcome).isEqualTo(AuditOutcome.DENIED);
                assertThat(entry.objectType).isEqualTo("visit");
                assertThat(entry.objectId).isEqualTo(visitId);
                assertThat(entry.caseId).hasToString(caseId);
                assertKeepsNothingOf(entry, SECRET);
            });
        }
        assertThat(trail.forCase(UUID.fromString(caseId), PageRequest.of(null, null)).items())
                .extracting(e -> e.requestId).contains(read, below);
        assertThat(trail.forCase(UUID.fromString(otherCase), PageRequest.of(null, null)).items())
                .extracting(e -> e.requestId).doesNotContain(below);
    }

    @Test
    void anObjectThisServiceDoesNotHaveOrAMalformedIdLeavesTheEntryWithoutACase() {
        String unknown = requestId();
        String malformed = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", unknown)
                .when().get("/test/visits/" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", malformed)
                .when().get("/test/visits/" + UUID.randomUUID() + "x/revisions").then().statusCode(403);

        for (String requestId : List.of(unknown, malformed)) {
            assertThat(entriesOf(requestId)).singleElement().satisfies(entry -> {
                assertThat(entry.action).isEqualTo("request.role-refused");
                assertThat(entry.objectType).isEqualTo("request");
                assertThat(entry.objectId).isNull();
                assertThat(entry.caseId).isNull();
            });
        }
    }

    @Test
    void aRoleRefusalInsideAnAuditedActIsWrittenDownOnceAsTheAct() {
        String probeId = probeOfTokyo();
        String requestId = requestId();
        given().auth().oauth2(SUPPORTER.token()).header("X-Request-Id", requestId)
                .when().get("/test/probes/" + probeId + "/supervision").then().statusCode(403);

        assertThat(entriesOf(requestId)).singleElement().satisfies(entry -> {
            assertThat(entry.action).isEqualTo("probe.supervise");
            assertThat(entry.objectId).isEqualTo(probeId);
            assertThat(entry.outcome).isEqualTo(AuditOutcome.DENIED);
        });
    }

    @Test
    void anAllowedOrUnauthenticatedRequestIsNoRefusalByRole() {
        String caseId = probeOfTokyo();
        String allowed = requestId();
        given().auth().oauth2(TestTokens.user("allowed-supervisor").roles("supervisor").center("tokyo").token())
                .header("X-Request-Id", allowed).when().get("/test/cases/" + caseId).then().statusCode(200);
        String anonymous = requestId();
        given().header("X-Request-Id", anonymous).when().get("/test/cases/" + caseId).then().statusCode(401);

        assertThat(entriesOf(allowed)).isEmpty();
        assertThat(entriesOf(anonymous)).isEmpty();
    }
}
