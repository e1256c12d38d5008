package jp.tsunagu.referrals.api.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.referrals.DirectoryFixtures;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.PartnerFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.PartnerFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.PartnerFixtures.SUPPORTER;
import static jp.tsunagu.referrals.PartnerFixtures.agency;
import static jp.tsunagu.referrals.PartnerFixtures.as;
import static jp.tsunagu.referrals.PartnerFixtures.awaitRow;
import static jp.tsunagu.referrals.PartnerFixtures.inbound;
import static jp.tsunagu.referrals.PartnerFixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * An agency refers a household to a center (inbound): the center sees it as INBOUND, opens a case
 * from it (case.opened.v1 with inboundReferralId), and the referral keeps the case and is accepted,
 * once however often the opening is told. No event carries what the agency wrote.
 */
@QuarkusTest
class InboundReferralTest {

    private static final String PARTNER_REFERRALS = "/api/v1/partner/referrals";

    @Test
    void aCaseOpenedFromAnInboundReferralKeepsTheLinkAndAcceptsIt() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String key = UUID.randomUUID().toString();
        JsonPath made = as(partner(healthCenter)).header("Idempotency-Key", key).body(inbound()).when().post(PARTNER_REFERRALS)
                .then().statusCode(201).body("direction", equalTo("INBOUND")).body("status", equalTo("REQUESTED"))
                .body("centerId", equalTo("tokyo")).body("inbound.contactPerson.name", equalTo("佐藤花子"))
                .body("inbound.doNotContactDirectly", equalTo(true)).body("history[0].party", equalTo("AGENCY"))
                .extract().jsonPath();
        String id = made.getString("id");
        as(partner(healthCenter)).header("Idempotency-Key", key).body(inbound()).when().post(PARTNER_REFERRALS)
                .then().statusCode(201).header("Location", endsWith(PARTNER_REFERRALS + "/" + id))
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        // the agency reading what it sent is no receipt: the receipt is the answering side's
        as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + id).then().statusCode(200)
                .body("firstViewedAt", nullValue());

        as(SUPERVISOR).when().get("/api/v1/referrals?direction=INBOUND").then().statusCode(200).body("items.id", hasItem(id));
        as(SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("direction", equalTo("INBOUND")).body("agencyId", equalTo(healthCenter))
                .body("inbound.concern", equalTo("母親が高齢で、本人の食事が心配")).body("caseId", nullValue());
        as(OSAKA_SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(404);

        UUID caseId = UUID.randomUUID();
        CaseOpened opened = new CaseOpened(caseId, "tokyo", "C-2026-777778", Phase.ASSESSMENT, CaseStatus.OPEN,
                IntakeChannel.REFERRAL, Instant.now(), SUPERVISOR.subject(), UUID.fromString(id));
        UUID eventId = EventPublisher.publish(opened);
        await().atMost(Duration.ofSeconds(30)).until(() -> caseId.toString()
                .equals(as(SUPERVISOR).when().get("/api/v1/referrals/" + id).path("caseId")));
        JsonPath linked = as(SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().jsonPath();
        assertThat(linked.getList("history.toStatus")).containsExactly("REQUESTED", "ACCEPTED");
        assertThat(linked.getString("history[1].party")).isEqualTo("CENTER");
        assertThat(linked.getString("history[1].channel")).isEqualTo("SYSTEM");
        assertThat(linked.getString("history[1].by")).isEqualTo(SUPERVISOR.subject());

        // told again (a redelivery, and the same opening under another event id): nothing more happens
        EventPublisher.publish(eventId, opened);
        EventPublisher.publish(opened);
        String marker = TestTokens.user("pf-marker-" + caseId).roles("supporter").center("tokyo").subject();
        EventPublisher.publish(new CaseTeamChanged(caseId, "tokyo",
                List.of(new TeamMember(TeamMemberKind.STAFF, marker, null, TeamRole.PRIMARY)), Instant.now(), marker));
        awaitRow("select user_id from case_scope_member where case_id = ?", caseId, marker);
        as(SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("history.size()", equalTo(2)).body("version", equalTo(linked.getInt("version")));

        as(partner(healthCenter)).when().get(PARTNER_REFERRALS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("caseId", nullValue())
                .body("history[1].channel", equalTo("SYSTEM")).body("history[1].by", nullValue());

        EventReader.Record received = EventReader.forSubject("referral-events", id, 1, Duration.ofSeconds(30)).getFirst();
        assertThat(received.header("ce_type")).isEqualTo("referral.inbound-received.v1");
        List<EventReader.Record> changes = EventReader.forSubject("referral-events", caseId.toString(), 1, Duration.ofSeconds(30));
        assertThat(changes).extracting(r -> r.header("ce_type")).containsExactly("referral.status-changed.v1");
        JsonPath accepted = JsonPath.from(changes.getFirst().value());
        assertThat(accepted.getString("referralId")).isEqualTo(id);
        assertThat(accepted.getString("toStatus")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("changedByParty")).isEqualTo("CENTER");
        assertThat(accepted.getString("changedBy")).isEqualTo(SUPERVISOR.subject());
        for (EventReader.Record event : List.of(received, changes.getFirst())) {
            assertThat(event.value()).doesNotContain("佐藤", "090-0000-1234", "母親", "40代女性", "MOTHER");
        }
    }

    @Test
    void theAgencyMayCancelWhatItSentButNotAnswerIt() {
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String id = as(partner(healthCenter)).body(inbound()).when().post(PARTNER_REFERRALS).then().statusCode(201)
                .extract().path("id");
        String status = PARTNER_REFERRALS + "/" + id + "/status";
        as(partner(healthCenter)).body(Map.of("status", "ACCEPTED")).when().post(status).then().statusCode(409);
        as(partner(healthCenter)).body(Map.of("status", "CANCELLED")).when().post(status).then().statusCode(400);
        as(partner(healthCenter)).body(Map.of("status", "CANCELLED", "reason", Map.of("code", "NO_LONGER_NEEDED",
                "text", "ご家族が別の窓口につながりました"))).when().post(status).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(SUPERVISOR).when().get("/api/v1/referrals/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("statusReason.code", equalTo("NO_LONGER_NEEDED"));
    }

    @Test
    void anInboundReferralNeedsAnAgencyOfTheDirectoryAndAWholeBody() {
        as(TestTokens.user("pf-partner-without-agency").roles("partner-agency")).body(inbound()).when()
                .post(PARTNER_REFERRALS).then().statusCode(403);
        as(partner(DirectoryFixtures.uniqueId("pf-unlisted"))).body(inbound()).when().post(PARTNER_REFERRALS)
                .then().statusCode(422);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        Map<String, Object> noContact = new HashMap<>(inbound());
        noContact.remove("contactPerson");
        as(partner(healthCenter)).body(noContact).when().post(PARTNER_REFERRALS).then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("contactPerson")));
        Map<String, Object> unknownField = new HashMap<>(inbound());
        unknownField.put("caseId", UUID.randomUUID().toString());
        as(partner(healthCenter)).body(unknownField).when().post(PARTNER_REFERRALS).then().statusCode(400);
        as(SUPPORTER).body(inbound()).when().post(PARTNER_REFERRALS).then().statusCode(403);
        assertThat(as(partner(healthCenter)).when().get(PARTNER_REFERRALS).then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }
}
