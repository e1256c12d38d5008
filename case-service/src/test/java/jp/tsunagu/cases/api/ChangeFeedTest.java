package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.open;
import static jp.tsunagu.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

/** The delta feed of offline clients: changes since a token, tombstones for cases no longer visible. */
@QuarkusTest
class ChangeFeedTest {

    private static JsonPath changes(TestTokens.Builder caller, String since) {
        var request = given().auth().oauth2(caller.token()).queryParam("limit", 200);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get("/api/v1/cases/changes").then().statusCode(200).extract().jsonPath();
    }

    /** Reads the feed to its end and answers the last token. */
    private static String drain(TestTokens.Builder caller, String since) {
        JsonPath page = changes(caller, since);
        while (page.getBoolean("hasMore")) {
            since = page.getString("next");
            page = changes(caller, since);
        }
        return page.getString("next");
    }

    @Test
    void aSupporterSeesNewChangesAndATombstoneWhenTakenOffTheTeam() {
        TestTokens.Builder worker = TestTokens.user("feed-worker").roles("supporter").center("tokyo");
        String id = open(worker, openCase()).then().statusCode(201).extract().path("id");
        String token = drain(worker, null);

        given().auth().oauth2(worker.token()).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"").body(Map.of("subject", Map.of("address", "東京都中野区")))
                .when().patch("/api/v1/cases/" + id).then().statusCode(200);
        JsonPath afterEdit = changes(worker, token);
        assertThat(afterEdit.getList("items.id")).containsExactly(id);
        assertThat(afterEdit.getInt("items[0].summary.version")).isEqualTo(1);
        token = afterEdit.getString("next");
        assertThat(changes(worker, token).getList("items")).isEmpty();

        given().auth().oauth2(TOKYO_SUPERVISOR.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(Map.of("kind", "STAFF", "userId", TOKYO_SUPERVISOR.subject(), "role", "PRIMARY"))))
                .when().put("/api/v1/cases/" + id + "/team").then().statusCode(200);
        JsonPath afterRemoval = changes(worker, token);
        assertThat(afterRemoval.getList("items.id")).containsExactly(id);
        assertThat(afterRemoval.getBoolean("items[0].deleted")).isTrue();
        assertThat(afterRemoval.getMap("items[0]")).doesNotContainKey("summary");
    }
}
