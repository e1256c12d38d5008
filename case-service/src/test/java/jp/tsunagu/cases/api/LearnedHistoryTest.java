package jp.tsunagu.cases.api;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.events.visits.LeftBehind;
import jp.tsunagu.events.visits.LeftBehindContents;
import jp.tsunagu.events.visits.LeftBehindKind;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitOverdue;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.testkit.EventPublisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.cases.CaseFixtures.CENTER_SYSTEM;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPERVISOR;
import static jp.tsunagu.cases.CaseFixtures.TOKYO_SUPPORTER;
import static jp.tsunagu.cases.CaseFixtures.openAsTokyoSupporter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The timeline, the overdue flag and the stats from visit and referral events on the real broker. */
@QuarkusTest
class LearnedHistoryTest {

    private static VisitRecorded notMet(UUID caseId, UUID visitId) {
        return new VisitRecorded(visitId, caseId, "tokyo", 1, VisitKind.HOME, Instant.now(), 10,
                VisitOutcome.NOT_MET, List.of(LeftBehind.of(LeftBehindKind.LETTER, LeftBehindContents.SUPPORTER_NEWS)),
                List.of(new Visitor(TOKYO_SUPPORTER.subject(), VisitorRole.STAFF)), false, null,
                NextVisitConsent.NOT_ASKED, null, TOKYO_SUPPORTER.subject(), Instant.now());
    }

    private static List<String> timelineKinds(String caseId) {
        return given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("limit", 200)
                .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.kind");
    }

    @Test
    void visitsAndReferralsJoinTheCasesStoryOnceEach() {
        UUID caseId = UUID.fromString(openAsTokyoSupporter());
        UUID visitEvent = UUID.randomUUID();
        EventPublisher.publish(visitEvent, notMet(caseId, UUID.randomUUID()));
        EventPublisher.publish(visitEvent, notMet(caseId, UUID.randomUUID()));
        EventPublisher.publish(new ReferralRequested(UUID.randomUUID(), caseId, "tokyo", "tokyo-health-center",
                AgencyKind.PUBLIC_HEALTH_CENTER, ReferralPurpose.BACKUP, Set.of(ReferralReason.SUSPECTED_MENTAL_ILLNESS),
                ReferralUrgency.ROUTINE, LegalBasis.VITAL_INTEREST, null, Instant.now().plusSeconds(86400), Instant.now(),
                TOKYO_SUPPORTER.subject()));

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(caseId.toString()).contains("REFERRAL_REQUESTED")
                && timelineKinds(caseId.toString()).contains("VISIT_RECORDED"));
        List<String> kinds = timelineKinds(caseId.toString());
        org.assertj.core.api.Assertions.assertThat(kinds).containsSubsequence("CASE_OPENED", "VISIT_RECORDED");
        org.assertj.core.api.Assertions.assertThat(kinds).filteredOn("VISIT_RECORDED"::equals).hasSize(1);
    }

    @Test
    void anOverdueVisitFlagsTheCaseUntilTheNextVisit() {
        UUID caseId = UUID.fromString(openAsTokyoSupporter());
        EventPublisher.publish(new VisitOverdue(caseId, "tokyo", LocalDate.now().minusDays(30), null,
                LocalDate.now().minusDays(16), 16, 3, 1, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TOKYO_SUPERVISOR.token())
                .queryParam("overdue", true).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().body("items.id", hasItem(caseId.toString())));

        EventPublisher.publish(notMet(caseId, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TOKYO_SUPERVISOR.token())
                .queryParam("overdue", true).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().body("items.id", not(hasItem(caseId.toString()))));
    }

    @Test
    void statsCountWithoutNamingAnyone() {
        UUID caseId = UUID.fromString(openAsTokyoSupporter());
        EventPublisher.publish(notMet(caseId, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(caseId.toString()).contains("VISIT_RECORDED"));
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        // the supervisor reads the center's counts as they are; its system reads them with small cells masked
        String body = given().auth().oauth2(TOKYO_SUPERVISOR.token()).queryParam("from", "2026-01-01").queryParam("to", today)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("maskedBelow", org.hamcrest.Matchers.nullValue())
                .body("visitsByOutcome.NOT_MET", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("newCases", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("openCasesByPhase.ASSESSMENT", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("佐藤").doesNotContain(caseId.toString());
        String export = given().auth().oauth2(CENTER_SYSTEM.token()).queryParam("from", "2026-01-01").queryParam("to", today)
                .when().get("/api/v1/stats").then().statusCode(200)
                .body("maskedBelow", equalTo(10))
                .body("newCases", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                        org.hamcrest.Matchers.greaterThanOrEqualTo(10)))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(export).doesNotContain("佐藤").doesNotContain(caseId.toString());
        given().auth().oauth2(TOKYO_SUPPORTER.token()).queryParam("from", "2026-01-01").queryParam("to", today)
                .when().get("/api/v1/stats").then().statusCode(403);
    }

    @Test
    void theAccessLogShowsWhoReadTheCase() {
        String caseId = openAsTokyoSupporter();
        given().auth().oauth2(TOKYO_SUPPORTER.token()).header("X-Request-Id", "read-for-log")
                .when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(200)
                .body("items.action", hasItem("case.read"))
                .body("items.action", hasItem("case.open"))
                .body("items.find { it.requestId == 'read-for-log' }.actorId", equalTo(TOKYO_SUPPORTER.subject()));
        given().auth().oauth2(TOKYO_SUPPORTER.token()).when().get("/api/v1/cases/" + caseId + "/access-log")
                .then().statusCode(403);
    }
}
