package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.CreatingPut;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;

/** The support plan and the crisis plan are created by their first PUT (RFC 9110 preconditions). */
@QuarkusTest
class CreatingPutTest {

    @Test
    void theSupportPlanIsCreatedByItsFirstPut() {
        CreatingPut.holdsFor(TOKYO_SUPPORTER, () -> "/api/v1/cases/" + openAsTokyoSupporter() + "/plan",
                Map.of("goal", "本人のペースで外とつながる", "reason", "初回"));
    }

    @Test
    void theCrisisPlanIsCreatedByItsFirstPut() {
        CreatingPut.holdsFor(TOKYO_SUPPORTER, () -> "/api/v1/cases/" + openAsTokyoSupporter() + "/crisis-plan",
                Map.of("contacts", List.of(Map.of("name", "警察", "phone", "110")), "instructions", "110番"));
    }

    @Test
    void aRevisionBeyondTheRangeOfAnIntIsNotTakenForTheCurrentOne() {
        String plan = "/api/v1/cases/" + openAsTokyoSupporter() + "/plan";
        Map<String, Object> body = Map.of("goal", "居場所", "reason", "初回");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json").body(body)
                .when().put(plan).then().statusCode(201).header("ETag", "\"1\"");
        given().auth().oauth2(TOKYO_SUPPORTER.token()).contentType("application/json").body(body)
                .header("If-Match", "\"" + ((1L << 32) + 1) + "\"").when().put(plan).then().statusCode(412);
    }
}
