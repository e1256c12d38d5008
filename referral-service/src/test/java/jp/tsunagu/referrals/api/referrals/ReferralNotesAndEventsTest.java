package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Notes on a referral, and the free text of referrals that never leaves referral-service in events. */
@QuarkusTest
class ReferralNotesAndEventsTest {

    @Test
    void aNoteJoinsTheHistoryUntilTheReferralIsClosed() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String id = refer(SUPPORTER, referral(caseId, healthCenter, recordConsent(SUPPORTER, caseId, consentFor(healthCenter))));

        as(SUPPORTER).body(Map.of("text", "母親の携帯には午後に電話してください")).when().post("/api/v1/referrals/" + id + "/notes")
                .then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("history", hasSize(2))
                .body("history[1].seq", equalTo(2))
                .body("history[1].note", equalTo("母親の携帯には午後に電話してください"))
                .body("history[1].party", equalTo("CENTER"))
                .body("history[1].by", equalTo(SUPPORTER.subject()))
                .body("history[1].toStatus", nullValue());
        as(SUPERVISOR).body(Map.of("text", "所長確認済み")).when().post("/api/v1/referrals/" + id + "/notes")
                .then().statusCode(200).body("history[2].note", equalTo("所長確認済み"));
        as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("history.note", hasItem("母親の携帯には午後に電話してください"))
                .body("history", hasSize(3));

        as(SUPPORTER).body(Map.of("text", "  ")).when().post("/api/v1/referrals/" + id + "/notes").then().statusCode(400)
                .contentType("application/problem+json");
        as(SUPPORTER).body(Map.of()).when().post("/api/v1/referrals/" + id + "/notes").then().statusCode(400);

        as(SUPPORTER).body(Map.of("reason", Map.of("code", "NO_LONGER_NEEDED"))).when().post("/api/v1/referrals/" + id + "/cancellation")
                .then().statusCode(200);
        as(SUPPORTER).body(Map.of("text", "やはり")).when().post("/api/v1/referrals/" + id + "/notes").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().body("history", hasSize(4));
        as(SUPPORTER).body(Map.of("text", "x")).when().post("/api/v1/referrals/" + UUID.randomUUID() + "/notes").then().statusCode(404);
    }

    @Test
    void eventsCarryNoFreeText() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String police = agency("POLICE");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String summary = "共有要約" + marker;
        String justification = "正当化理由" + marker;
        String rejection = "断りの理由" + marker;
        String note = "メモ" + marker;
        String answerNote = "電話でのメモ" + marker;
        String cancellation = "取消の理由" + marker;
        String holdReason = "保留の理由" + marker;

        Map<String, Object> onConsent = referral(caseId, healthCenter, consentId);
        onConsent.put("sharedSummary", summary);
        String first = refer(SUPPORTER, onConsent);
        Map<String, Object> vital = referral(caseId, police, null);
        vital.remove("consentId");
        vital.put("legalBasis", "VITAL_INTEREST");
        vital.put("purpose", "CRISIS_INTERVENTION");
        vital.put("urgency", "EMERGENCY");
        vital.put("sharedSummary", summary);
        vital.put("justification", justification);
        String second = refer(SUPPORTER, vital);

        as(SUPPORTER).body(Map.of("channel", "PHONE", "status", "ACCEPTED", "note", answerNote))
                .when().post("/api/v1/referrals/" + first + "/agency-answers").then().statusCode(200);
        as(SUPPORTER).body(Map.of("channel", "FAX", "status", "ON_HOLD", "reason", Map.of("code", "WAITING_FOR_SUBJECT", "text", holdReason)))
                .when().post("/api/v1/referrals/" + first + "/agency-answers").then().statusCode(200);
        as(SUPPORTER).body(Map.of("text", note)).when().post("/api/v1/referrals/" + first + "/notes").then().statusCode(200);
        as(SUPPORTER).body(Map.of("reason", Map.of("code", "OTHER", "text", cancellation), "note", note))
                .when().post("/api/v1/referrals/" + first + "/cancellation").then().statusCode(200);
        as(SUPPORTER).body(Map.of("channel", "FAX", "status", "REJECTED", "reason", Map.of("code", "NOT_ELIGIBLE", "text", rejection)))
                .when().post("/api/v1/referrals/" + second + "/agency-answers").then().statusCode(200);
        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200);

        // requested 2; status changed: accepted, on hold, cancelled, rejected; consent withdrawn 1
        List<EventReader.Record> events = EventReader.forSubject("referral-events", caseId, 7, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.header("ce_type")).containsExactlyInAnyOrder(
                "referral.requested.v1", "referral.requested.v1", "referral.status-changed.v1", "referral.status-changed.v1",
                "referral.status-changed.v1", "referral.status-changed.v1", "consent.withdrawn.v1");
        assertThat(events).allSatisfy(e -> assertThat(e.value())
                .doesNotContain(marker)
                .doesNotContain(summary, justification, rejection, note, answerNote, cancellation, holdReason));
        // what they do carry: ids and codes
        assertThat(String.join("\n", events.stream().map(EventReader.Record::value).toList()))
                .contains(first, second, consentId, "VITAL_INTEREST", "REJECTED", "ON_HOLD");
    }
}
