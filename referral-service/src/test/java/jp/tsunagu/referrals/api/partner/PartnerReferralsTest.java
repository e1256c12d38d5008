package jp.tsunagu.referrals.api.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.PartnerFixtures.SHARED_SUMMARY;
import static jp.tsunagu.referrals.PartnerFixtures.SUPPORTER;
import static jp.tsunagu.referrals.PartnerFixtures.agency;
import static jp.tsunagu.referrals.PartnerFixtures.as;
import static jp.tsunagu.referrals.PartnerFixtures.partner;
import static jp.tsunagu.referrals.PartnerFixtures.referral;
import static jp.tsunagu.referrals.PartnerFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The partner API as an agency's system uses it on referrals a center sent it: it lists and reads
 * only its own, sent ones and only what was shared; its first read is the receipt the center sees;
 * it answers and closes the loop with the moves its side may make; notes go both ways.
 */
@QuarkusTest
class PartnerReferralsTest {

    private static final String PARTNER_REFERRALS = "/api/v1/partner/referrals";

    @Test
    void anAgencyListsAndReadsOnlyItsOwnSentReferralsAndOnlyWhatWasShared() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String police = agency("POLICE");
        String sent = referral(healthCenter, false);
        String draft = referral(healthCenter, true);

        JsonPath list = as(partner(healthCenter)).when().get(PARTNER_REFERRALS).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id")).containsExactly(sent);
        Map<String, Object> item = list.getMap("items[0]");
        assertThat(item).containsEntry("direction", "OUTBOUND").containsEntry("status", "REQUESTED")
                .containsEntry("centerId", "tokyo").containsEntry("purpose", "BACKUP").containsEntry("urgency", "ROUTINE")
                .containsEntry("sharedSummary", SHARED_SUMMARY).containsKeys("respondBy", "requestedAt", "version");
        // what the center keeps for itself: the case, the legal basis and its consent, who wrote it
        assertThat(item).doesNotContainKeys("caseId", "legalBasis", "consentId", "justification", "createdBy", "createdAt",
                "agencyId", "history", "firstViewedAt");

        as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + draft).then().statusCode(404);
        as(partner(police)).when().get(PARTNER_REFERRALS + "/" + sent).then().statusCode(404)
                .body("detail", notNullValue());
        as(partner(police)).when().get(PARTNER_REFERRALS).then().statusCode(200).body("items.size()", equalTo(0));
        as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "?status=ACCEPTED").then().statusCode(200)
                .body("items.size()", equalTo(0));
        // a list is no receipt
        String caseId = as(SUPPORTER).when().get("/api/v1/referrals/" + sent).then().statusCode(200)
                .body("firstViewedAt", nullValue()).extract().path("caseId");
        // the police's attempt is in the case's access log, refused
        assertThat(rows("select concat_ws(' ', outcome, agency_id, case_id) from audit_entry"
                + " where action = 'referral.partner-read' and object_id = ? order by id", sent))
                .containsExactly("DENIED " + police + " " + caseId);
    }

    @Test
    void theAgencysFirstReadIsTheReceiptTheCenterSeesAndItIsRecordedOnce() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String sent = referral(healthCenter, false);

        JsonPath first = as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + sent).then().statusCode(200)
                .header("ETag", notNullValue()).body("history[0].toStatus", equalTo("REQUESTED"))
                .body("history[0].party", equalTo("CENTER")).body("history[0].by", nullValue())
                .extract().jsonPath();
        OffsetDateTime viewedAt = OffsetDateTime.parse(first.getString("firstViewedAt"));
        String again = as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + sent).then().statusCode(200)
                .extract().path("firstViewedAt");
        assertThat(OffsetDateTime.parse(again).toInstant()).isEqualTo(viewedAt.toInstant());
        String seenByCenter = as(SUPPORTER).when().get("/api/v1/referrals/" + sent).then().statusCode(200)
                .extract().path("firstViewedAt");
        assertThat(OffsetDateTime.parse(seenByCenter).toInstant()).isEqualTo(viewedAt.toInstant());
        // the agency's reads are in the case's access log
        String caseId = as(SUPPORTER).when().get("/api/v1/referrals/" + sent).path("caseId");
        assertThat(rows("select concat_ws(' ', outcome, agency_id, case_id) from audit_entry"
                + " where action = 'referral.partner-read' and object_id = ? order by id", sent))
                .containsExactly("SUCCESS " + healthCenter + " " + caseId, "SUCCESS " + healthCenter + " " + caseId);
    }

    @Test
    void theAgencyAcceptsWorksOnAndCompletesWithAnOutcomeAndTheCenterSeesEachStep() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String sent = referral(healthCenter, false);
        String caseId = as(SUPPORTER).when().get("/api/v1/referrals/" + sent).path("caseId");

        as(partner(healthCenter)).body(Map.of("status", "ACCEPTED", "note", "来週保健師が訪問します")).when()
                .post(PARTNER_REFERRALS + "/" + sent + "/status").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("answeredAt", notNullValue())
                .body("firstViewedAt", notNullValue()); // answering without reading first: it arrived all the same
        as(partner(healthCenter)).body(Map.of("status", "IN_PROGRESS")).when()
                .post(PARTNER_REFERRALS + "/" + sent + "/status").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        as(partner(healthCenter)).body(Map.of("status", "COMPLETED")).when()
                .post(PARTNER_REFERRALS + "/" + sent + "/status").then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        JsonPath completed = as(partner(healthCenter)).body(Map.of("status", "COMPLETED", "outcome", "SERVICE_STARTED")).when()
                .post(PARTNER_REFERRALS + "/" + sent + "/status").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("SERVICE_STARTED"))
                .extract().jsonPath();
        assertThat(OffsetDateTime.parse(completed.getString("accessEndsAt")).toInstant())
                .isEqualTo(OffsetDateTime.parse(completed.getString("closedAt")).toInstant().plus(Duration.ofDays(30)));
        assertThat(completed.getList("history.party")).containsExactly("CENTER", "AGENCY", "AGENCY", "AGENCY");
        assertThat(completed.getList("history.channel")).containsOnly("API");

        as(SUPPORTER).when().get("/api/v1/referrals/" + sent).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("SERVICE_STARTED"))
                .body("history.toStatus", equalTo(List.of("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED")))
                .body("history[1].note", equalTo("来週保健師が訪問します"));

        // the case's team is told of each move, by ids and statuses only
        List<EventReader.Record> events = EventReader.forSubject("referral-events", caseId, 4, Duration.ofSeconds(30));
        assertThat(events).extracting(r -> r.header("ce_type")).containsExactly("referral.requested.v1",
                "referral.status-changed.v1", "referral.status-changed.v1", "referral.status-changed.v1");
        assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain(SHARED_SUMMARY, "保健師", "SERVICE_STARTED"));
        JsonPath completion = JsonPath.from(events.get(3).value());
        assertThat(completion.getString("toStatus")).isEqualTo("COMPLETED");
        assertThat(completion.getString("changedByParty")).isEqualTo("AGENCY");
    }

    @Test
    void movesTheAgencysSideMayNotMakeAre409AndARejectionNeedsAReason() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String sent = referral(healthCenter, false);
        String path = PARTNER_REFERRALS + "/" + sent + "/status";

        as(partner(healthCenter)).body(Map.of("status", "IN_PROGRESS")).when().post(path).then().statusCode(409);
        as(partner(healthCenter)).body(Map.of("status", "ENTERED_IN_ERROR")).when().post(path).then().statusCode(409);
        as(partner(healthCenter)).body(Map.of("status", "REJECTED")).when().post(path).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        as(partner(healthCenter)).body(Map.of("status", "REJECTED", "reason", Map.of("code", "OUTSIDE_SERVICE_AREA",
                "text", "区外にお住まいのため、お住まいの区の保健所へ"))).when().post(path).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("statusReason.code", equalTo("OUTSIDE_SERVICE_AREA"))
                .body("closedAt", notNullValue());
        as(partner(healthCenter)).body(Map.of("status", "ACCEPTED")).when().post(path).then().statusCode(409);
        as(partner(healthCenter)).body(Map.of("text", "追記")).when().post(PARTNER_REFERRALS + "/" + sent + "/notes")
                .then().statusCode(409);
        as(partner(agency("POLICE"))).body(Map.of("status", "ACCEPTED")).when().post(path).then().statusCode(404);
        as(SUPPORTER).when().get("/api/v1/referrals/" + sent).then().statusCode(200)
                .body("statusReason.text", equalTo("区外にお住まいのため、お住まいの区の保健所へ"));
    }

    @Test
    void notesFromEitherSideAreSeenByBoth() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String sent = referral(healthCenter, false);

        as(SUPPORTER).body(Map.of("text", "訪問は午後が望ましいです")).when().post("/api/v1/referrals/" + sent + "/notes")
                .then().statusCode(200);
        as(partner(healthCenter)).body(Map.of("text", "承知しました。14時に伺います")).when()
                .post(PARTNER_REFERRALS + "/" + sent + "/notes").then().statusCode(200);
        as(partner(agency("POLICE"))).body(Map.of("text", "?")).when().post(PARTNER_REFERRALS + "/" + sent + "/notes")
                .then().statusCode(404);

        JsonPath seenByAgency = as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + sent).then().statusCode(200)
                .extract().jsonPath();
        assertThat(seenByAgency.getList("history.note")).containsExactly(null, "訪問は午後が望ましいです", "承知しました。14時に伺います");
        assertThat(seenByAgency.getList("history.party")).containsExactly("CENTER", "CENTER", "AGENCY");
        assertThat(seenByAgency.getList("history.by")).containsOnly((Object) null);
        as(SUPPORTER).when().get("/api/v1/referrals/" + sent).then().statusCode(200)
                .body("history.note", equalTo(java.util.Arrays.asList(null, "訪問は午後が望ましいです", "承知しました。14時に伺います")))
                .body("history[1].by", equalTo(SUPPORTER.subject()));
    }
}
