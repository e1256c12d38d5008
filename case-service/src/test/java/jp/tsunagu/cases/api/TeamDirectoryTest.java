package jp.tsunagu.cases.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.OSAKA_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_PEER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER_2;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A team names users of the case's center, as Keycloak's directory knows them: nothing else reaches
 * the team or case.team-changed.v1, and a directory that cannot answer refuses rather than lets through.
 */
@QuarkusTest
class TeamDirectoryTest {

    private static ValidatableResponse assign(String caseId, Map<String, Object>... members) {
        return given().auth().oauth2(TOKYO_SUPERVISOR.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(members))).when().put("/api/v1/cases/" + caseId + "/team").then();
    }

    private static Map<String, Object> staff(String userId, String role) {
        return Map.of("kind", "STAFF", "userId", userId, "role", role);
    }

    private static void teamUnchanged(String caseId) {
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/team").then()
                .statusCode(200).header("ETag", "\"0\"").body("members.userId", contains(TOKYO_SUPPORTER.subject()));
    }

    @Test
    void anotherCentersSupporterIsNotPutOnATeam() {
        String caseId = openAsTokyoSupporter();
        assign(caseId, staff(TOKYO_SUPPORTER.subject(), "PRIMARY"), staff(OSAKA_SUPPORTER.subject(), "SECONDARY"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("members[1].userId"))
                .body("violations.message", contains("is not a user of this case's center"));
        teamUnchanged(caseId);
    }

    @Test
    void markupAndMadeUpIdsAreNoUserIds() {
        String caseId = openAsTokyoSupporter();
        assign(caseId, staff("<script>alert(1)</script>", "PRIMARY"), staff("tokyo-supporter-2", "SECONDARY"))
                .statusCode(400).body("violations.field", contains("members[0].userId", "members[1].userId"))
                .body("violations[0].message", equalTo("is not a user id (a UUID in lower case)"));
        assign(caseId, staff(UUID.randomUUID().toString(), "PRIMARY"))
                .statusCode(400).body("violations.message", contains("is not a user of this case's center"));
        teamUnchanged(caseId);
    }

    @Test
    void aPeerIsAPeerSupporterAndStaffIsStaff() {
        String caseId = openAsTokyoSupporter();
        assign(caseId, staff(TOKYO_PEER.subject(), "PRIMARY"),
                Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_SUPPORTER_2.subject(), "role", "PEER"))
                .statusCode(400).body("violations.field", contains("members[0].userId", "members[1].userId"))
                .body("violations.message", contains("is not staff of the center (supporter or supervisor)",
                        "is not a peer supporter"));
        teamUnchanged(caseId);
    }

    @Test
    void usersOfTheCenterMakeTheTeamAndItsEventCarriesTheirIds() throws Exception {
        String caseId = openAsTokyoSupporter();
        assign(caseId, staff(TOKYO_SUPPORTER_2.subject(), "PRIMARY"), staff(TOKYO_SUPERVISOR.subject(), "SECONDARY"),
                Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"),
                Map.of("kind", "AGENCY_CONTACT", "agencyId", "tokyo-health-center", "role", "BACKUP_AGENCY"))
                .statusCode(200).header("ETag", "\"1\"");
        // the opening put the opener on the team (the first team-changed); this is the second
        List<EventReader.Record> changes = EventReader.read("case-events", all -> teamChanges(all, caseId).size() >= 2,
                Duration.ofSeconds(20));
        EventReader.Record changed = teamChanges(changes, caseId).get(1);
        JsonNode members = new ObjectMapper().readTree(changed.value()).get("members");
        List<String> userIds = new ArrayList<>();
        members.forEach(m -> userIds.add(m.path("userId").isNull() ? null : m.path("userId").asText()));
        assertThat(userIds).containsExactly(TOKYO_SUPPORTER_2.subject(), TOKYO_SUPERVISOR.subject(), TOKYO_PEER.subject(), null);
    }

    private static List<EventReader.Record> teamChanges(List<EventReader.Record> records, String caseId) {
        return records.stream().filter(r -> caseId.equals(r.header("ce_subject"))
                && "case.team-changed.v1".equals(r.header("ce_type"))).toList();
    }

    @Test
    void aDirectoryThatCannotAnswerRefusesWith503() {
        String caseId = openAsTokyoSupporter();
        String notAskedYet = UUID.randomUUID().toString();
        TestDirectory.knows(notAskedYet, "tokyo", true, "supporter");
        TestDirectory.outage();
        try {
            assign(caseId, staff(notAskedYet, "PRIMARY")).statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503));
        } finally {
            TestDirectory.restore();
        }
        teamUnchanged(caseId);
        assign(caseId, staff(notAskedYet, "PRIMARY")).statusCode(200);
    }
}
