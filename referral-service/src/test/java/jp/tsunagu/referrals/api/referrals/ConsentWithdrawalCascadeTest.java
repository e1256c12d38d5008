package jp.tsunagu.referrals.api.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consent;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.draft;
import static jp.tsunagu.referrals.ReferralFixtures.move;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static jp.tsunagu.referrals.ReferralFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Withdrawing a consent cancels the referrals resting on it that are not closed (reason
 * CONSENT_WITHDRAWN, by the system), leaves the closed ones and those on other consents alone,
 * and tells it through referral-events.
 */
@QuarkusTest
class ConsentWithdrawalCascadeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOpenReferralsOnTheConsentAreCancelledAndTheWithdrawalIsTold() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String clinic = agency("PSYCHIATRIC_CLINIC");
        String neverSent = agency("DROP_IN_PLACE");
        String consentId = recordConsent(SUPPORTER, caseId,
                consent(List.of(healthCenter, clinic, neverSent), List.of(), List.of("BACKUP")));
        String otherConsent = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));

        String requested = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String accepted = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        move(SUPPORTER, accepted, Party.AGENCY, ReferralStatus.ACCEPTED);
        String inProgress = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        move(SUPPORTER, inProgress, Party.AGENCY, ReferralStatus.ACCEPTED);
        move(SUPPORTER, inProgress, Party.AGENCY, ReferralStatus.IN_PROGRESS);
        String onHold = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        move(SUPPORTER, onHold, Party.AGENCY, ReferralStatus.ACCEPTED);
        move(SUPPORTER, onHold, Party.AGENCY, ReferralStatus.ON_HOLD);
        String drafted = refer(SUPPORTER, draft(caseId, neverSent, consentId));
        String completed = refer(SUPPORTER, referral(caseId, clinic, consentId));
        move(SUPPORTER, completed, Party.AGENCY, ReferralStatus.ACCEPTED);
        move(SUPPORTER, completed, Party.AGENCY, ReferralStatus.COMPLETED);
        String elsewhere = refer(SUPPORTER, referral(caseId, healthCenter, otherConsent));
        List<String> open = List.of(requested, accepted, inProgress, onHold, drafted);

        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200)
                .body("cancelledReferrals", containsInAnyOrder(open.toArray()));

        for (String id : open) {
            as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("statusReason.code", equalTo("CONSENT_WITHDRAWN"))
                    .body("closedAt", org.hamcrest.Matchers.notNullValue())
                    .body("history[-1].toStatus", equalTo("CANCELLED"))
                    .body("history[-1].channel", equalTo("SYSTEM"))
                    .body("history[-1].party", equalTo("CENTER"))
                    .body("history[-1].reasonCode", equalTo("CONSENT_WITHDRAWN"))
                    .body("history[-1].by", equalTo(SUPPORTER.subject()));
        }
        as(SUPPORTER).when().get("/api/v1/referrals/" + completed).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("SERVICE_STARTED"))
                .body("history", hasSize(3));
        as(SUPPORTER).when().get("/api/v1/referrals/" + elsewhere).then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("history", hasSize(1));
        as(SUPPORTER).when().get("/api/v1/referrals?caseId=" + caseId + "&status=CANCELLED").then().statusCode(200)
                .body("items.id", containsInAnyOrder(open.toArray()));

        // referral.requested.v1: 6 (all but the draft); status-changed before: accepted 1, in progress 2, on hold 2,
        // completed 2; the cascade: 4 cancelled (the draft was never sent); consent.withdrawn.v1: 1
        Predicate<EventReader.Record> withdrawal = r -> "consent.withdrawn.v1".equals(r.header("ce_type"));
        List<EventReader.Record> events = EventReader.forSubject("referral-events", caseId, 6 + 7 + 4 + 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(18);

        List<String> cancelledTold = new ArrayList<>();
        for (EventReader.Record event : events) {
            JsonNode data = JSON.readTree(event.value());
            if (event.header("ce_type").equals("referral.status-changed.v1") && data.path("toStatus").asText().equals("CANCELLED")) {
                cancelledTold.add(data.path("referralId").asText());
                assertThat(data.path("changedByParty").asText()).isEqualTo("CENTER");
                assertThat(data.path("changedBy").asText()).isEqualTo(SUPPORTER.subject());
            }
        }
        assertThat(cancelledTold).containsExactlyInAnyOrder(requested, accepted, inProgress, onHold);

        assertThat(events.stream().filter(withdrawal)).singleElement().satisfies(event -> {
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.path("consentId").asText()).isEqualTo(consentId);
            assertThat(data.path("caseId").asText()).isEqualTo(caseId);
            assertThat(data.path("centerId").asText()).isEqualTo("tokyo");
            assertThat(data.path("withdrawnOn").asText()).isEqualTo(today().toString());
            assertThat(data.path("withdrawnBy").asText()).isEqualTo(SUPPORTER.subject());
            // the agencies that received a referral on it (not the draft's), and what the withdrawal cancelled
            assertThat(strings(data.path("agencyIds"))).containsExactlyInAnyOrder(healthCenter, clinic);
            assertThat(strings(data.path("cancelledReferralIds"))).containsExactlyInAnyOrderElementsOf(open);
        });
        // the withdrawal comes after the cancellations it caused
        assertThat(events.get(events.size() - 1).header("ce_type")).isEqualTo("consent.withdrawn.v1");
    }

    @Test
    void aWithdrawalWithNothingOnItIsToldWithNoAgencies() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(agency("POLICE")));
        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200)
                .body("cancelledReferrals", hasSize(0));
        List<EventReader.Record> events = EventReader.forSubject("referral-events", caseId, 1, Duration.ofSeconds(20));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.header("ce_type")).isEqualTo("consent.withdrawn.v1");
            JsonNode data = JSON.readTree(e.value());
            assertThat(strings(data.path("agencyIds"))).isEmpty();
            assertThat(strings(data.path("cancelledReferralIds"))).isEmpty();
        });
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
