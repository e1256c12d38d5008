package jp.tsunagu.referrals.api.partner;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.PartnerFixtures.SUPPORTER;
import static jp.tsunagu.referrals.PartnerFixtures.agency;
import static jp.tsunagu.referrals.PartnerFixtures.as;
import static jp.tsunagu.referrals.PartnerFixtures.partner;
import static jp.tsunagu.referrals.PartnerFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The change feed (changes after the token, nothing twice, paged by limit) and the end of an
 * agency's access 30 days after closure: 404, gone from the list, a tombstone in the feed. Time
 * moves by the service's clock, not by sleeping.
 */
@QuarkusTest
class PartnerChangesAndAccessEndTest {

    private static final String FEED = "/api/v1/partner/referrals/changes";
    /** The respond-by watch's job (ReferralOverdueWatch.JOB); pausing a job that is not there does nothing. */
    private static final String OVERDUE_WATCH = "referral-overdue-watch";

    @Inject
    Scheduler scheduler;

    private MovableClock clock;
    private boolean pausedTheWatch;

    @BeforeEach
    void ownClock() {
        clock = MovableClock.installedAt(Instant.now());
        // the respond-by watch would see every other test's referral a month old: it waits meanwhile
        if (!scheduler.isPaused(OVERDUE_WATCH)) {
            scheduler.pause(OVERDUE_WATCH);
            pausedTheWatch = true;
        }
    }

    @AfterEach
    void resumeTheWatch() {
        if (pausedTheWatch) {
            scheduler.resume(OVERDUE_WATCH);
        }
    }

    @Test
    void theFeedAnswersWhatChangedAfterTheTokenOnceAndPagesByLimit() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String first = referral(healthCenter, false);
        String second = referral(healthCenter, false);
        referral(healthCenter, true); // a draft is in no feed

        JsonPath page1 = feed(healthCenter, null, 1);
        assertThat(page1.getList("items.id")).containsExactly(first);
        assertThat(page1.getBoolean("hasMore")).isTrue();
        assertThat(page1.getString("items[0].referral.sharedSummary")).isNotBlank();
        assertThat(page1.getMap("items[0].referral")).doesNotContainKeys("caseId", "history");
        JsonPath page2 = feed(healthCenter, page1.getString("next"), 1);
        assertThat(page2.getList("items.id")).containsExactly(second);
        assertThat(page2.getBoolean("hasMore")).isFalse();
        String token = page2.getString("next");

        JsonPath nothingNew = feed(healthCenter, token, 50);
        assertThat(nothingNew.getList("items")).isEmpty();
        assertThat(nothingNew.getBoolean("hasMore")).isFalse();

        as(SUPPORTER).body(Map.of("text", "追加の情報です")).when().post("/api/v1/referrals/" + second + "/notes")
                .then().statusCode(200);
        JsonPath changed = feed(healthCenter, token, 50);
        assertThat(changed.getList("items.id")).containsExactly(second);
        assertThat(feed(healthCenter, changed.getString("next"), 50).getList("items")).isEmpty();
        // another agency's feed has none of it
        assertThat(feed(agency("POLICE"), null, 50).getList("items")).isEmpty();
        as(partner(healthCenter)).when().get(FEED + "?since=not-a-token").then().statusCode(400);
    }

    @Test
    void anAgencysAccessEndsThirtyDaysAfterClosureAndTheFeedSaysSoOnce() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String done = referral(healthCenter, false);
        String open = referral(healthCenter, false);
        String token = feed(healthCenter, null, 50).getString("next");

        String status = "/api/v1/partner/referrals/" + done + "/status";
        as(partner(healthCenter)).body(Map.of("status", "ACCEPTED")).when().post(status).then().statusCode(200);
        as(partner(healthCenter)).body(Map.of("status", "COMPLETED", "outcome", "SUBJECT_SEEN")).when().post(status)
                .then().statusCode(200);
        JsonPath closing = feed(healthCenter, token, 50);
        assertThat(closing.getList("items.id")).containsExactly(done);
        assertThat(closing.getString("items[0].referral.status")).isEqualTo("COMPLETED");
        token = closing.getString("next");

        clock.advance(Duration.ofDays(29));
        as(partner(healthCenter)).when().get("/api/v1/partner/referrals/" + done).then().statusCode(200);
        assertThat(list(healthCenter)).contains(done, open);
        assertThat(feed(healthCenter, token, 50).getList("items")).isEmpty();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        as(partner(healthCenter)).when().get("/api/v1/partner/referrals/" + done).then().statusCode(404);
        as(partner(healthCenter)).body(Map.of("text", "まだ見えますか")).when()
                .post("/api/v1/partner/referrals/" + done + "/notes").then().statusCode(404);
        assertThat(list(healthCenter)).containsExactly(open);
        JsonPath ended = feed(healthCenter, token, 50);
        assertThat(ended.getList("items")).containsExactly(Map.of("id", done, "removed", true));
        assertThat(feed(healthCenter, ended.getString("next"), 50).getList("items")).isEmpty();
        // a reader starting afresh is told only what it sees
        assertThat(feed(healthCenter, null, 50).getList("items.id")).containsExactly(open);
        // the center keeps its referral
        as(SUPPORTER).when().get("/api/v1/referrals/" + done).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    private static JsonPath feed(String agencyId, String since, int limit) {
        return as(partner(agencyId)).queryParam("limit", limit).queryParams(since == null ? Map.of() : Map.of("since", since))
                .when().get(FEED).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> list(String agencyId) {
        return as(partner(agencyId)).when().get("/api/v1/partner/referrals").then().statusCode(200).extract().path("items.id");
    }
}
