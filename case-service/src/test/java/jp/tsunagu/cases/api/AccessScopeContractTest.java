package jp.tsunagu.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.events.ServiceAnswer;
import jp.tsunagu.events.cases.CaseAccessScope;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.ContractSchemas;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.open;
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's side of the contract {@code case.access-scope.v1}: what case-service really
 * answers another service validates against the schema of platform/events and reads back into
 * the contract's record (the clients' side is tested against a stub made from the same record).
 */
@QuarkusTest
class AccessScopeContractTest {

    private static final TestTokens.Builder SERVICE = TestTokens.user("service-account-visit-service").roles("service");

    @Inject
    ObjectMapper json;

    @Test
    void theAnswerKeepsTheContract() throws Exception {
        String caseId = open(TOKYO_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
        String opened = given().auth().oauth2(SERVICE.token()).when().get("/api/v1/cases/" + caseId + "/access-scope")
                .then().statusCode(200).contentType("application/json").extract().asString();
        assertThat(ContractSchemas.violations(ServiceAnswer.CASE_ACCESS_SCOPE, opened)).isEmpty();

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"),
                        Map.of("kind", "AGENCY_CONTACT", "agencyId", "tokyo-police", "role", "BACKUP_AGENCY"))))
                .when().put("/api/v1/cases/" + caseId + "/team").then().statusCode(200);
        String body = given().auth().oauth2(SERVICE.token()).when().get("/api/v1/cases/" + caseId + "/access-scope")
                .then().statusCode(200).extract().asString();
        assertThat(ContractSchemas.violations(ServiceAnswer.CASE_ACCESS_SCOPE, body)).isEmpty();
        assertThat(json.readValue(body, CaseAccessScope.class)).isEqualTo(new CaseAccessScope(UUID.fromString(caseId),
                "tokyo", Phase.ASSESSMENT, CaseStatus.OPEN, List.of(
                new TeamMember(TeamMemberKind.STAFF, TOKYO_SUPPORTER.subject(), null, TeamRole.PRIMARY),
                new TeamMember(TeamMemberKind.PEER_SUPPORTER, TOKYO_PEER.subject(), null, TeamRole.PEER),
                new TeamMember(TeamMemberKind.AGENCY_CONTACT, null, "tokyo-police", TeamRole.BACKUP_AGENCY))));
    }

    @Test
    void onlyServicesAskAndAnUnknownCaseIsNotFound() {
        String caseId = open(TOKYO_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/access-scope")
                .then().statusCode(403);
        given().auth().oauth2(SERVICE.token()).when().get("/api/v1/cases/" + UUID.randomUUID() + "/access-scope")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
