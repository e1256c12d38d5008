package jp.tsunagu.referrals.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.tsunagu.referrals.DirectoryFixtures.agency;
import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.DirectoryFixtures.create;
import static jp.tsunagu.referrals.DirectoryFixtures.partner;
import static jp.tsunagu.referrals.DirectoryFixtures.secret;
import static jp.tsunagu.referrals.DirectoryFixtures.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A partner agency's token reads its own entry, and nothing else of the directory. */
@QuarkusTest
class PartnerAgencyTest {

    @Test
    void aPartnerReadsItsOwnEntryWithoutTheCentersNotes() {
        String id = uniqueId("police");
        Map<String, Object> body = agency(id);
        body.put("webhook", Map.of("url", "https://police.example.jp/hooks", "secret", secret(32)));
        create(body);
        String other = uniqueId("hc");
        create(agency(other));

        as(partner(id)).when().get("/api/v1/partner/agency")
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("services.size()", equalTo(2))
                .body("capacity.acceptingReferrals", equalTo(true))
                .body("webhook.url", equalTo("https://police.example.jp/hooks"))
                .body("webhook.secretSet", equalTo(true))
                .body("notes", nullValue());
        as(partner(other)).when().get("/api/v1/partner/agency").then().statusCode(200).body("id", equalTo(other));
    }

    @Test
    void nothingElseOfTheDirectory() {
        String id = uniqueId("clinic");
        create(agency(id));
        as(partner(id)).when().get("/api/v1/agencies").then().statusCode(403).contentType("application/problem+json");
        as(partner(id)).when().get("/api/v1/agencies/" + id).then().statusCode(403);
        as(partner(id)).header("If-Match", "\"0\"").body(Map.of("capacity", Map.of("acceptingReferrals", false)))
                .when().patch("/api/v1/agencies/" + id).then().statusCode(403);
        as(partner(id)).when().post("/api/v1/agencies/" + id + "/webhook/secret-rotation").then().statusCode(403);
    }

    @Test
    void anAgencyNotInTheDirectoryYetIsNotFoundAndATokenWithoutAgencyIsRefused() {
        as(partner(uniqueId("unlisted"))).when().get("/api/v1/partner/agency").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.user("misconfigured").roles("partner-agency")).when().get("/api/v1/partner/agency").then().statusCode(403);
    }
}
