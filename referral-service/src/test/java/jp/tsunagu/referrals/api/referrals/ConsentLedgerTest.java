package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.platform.time.Tokyo;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.close;
import static jp.tsunagu.referrals.ReferralFixtures.consent;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static jp.tsunagu.referrals.ReferralFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The consent ledger of a case: recording, reading, the terms a consent must have, and withdrawal. */
@QuarkusTest
class ConsentLedgerTest {

    @Test
    void aConsentIsRecordedListedAndRead() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        Map<String, Object> body = consent(List.of(healthCenter), List.of("PSYCHIATRIC_CLINIC"), List.of("BACKUP"));
        body.put("expiresOn", today().plusYears(1).toString());

        var created = as(SUPPORTER).body(body).when().post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201)
                .body("caseId", equalTo(caseId))
                .body("grantedBy", equalTo("SUBJECT"))
                .body("method", equalTo("WRITTEN"))
                .body("agencyIds", contains(healthCenter))
                .body("agencyKinds", contains("PSYCHIATRIC_CLINIC"))
                .body("purposes", contains("BACKUP"))
                .body("grantedOn", equalTo(today().toString()))
                .body("expiresOn", equalTo(today().plusYears(1).toString()))
                .body("validToday", equalTo(true))
                .body("withdrawnOn", nullValue())
                .body("recordedBy", equalTo(SUPPORTER.subject()))
                .extract();
        String id = created.path("id");
        org.assertj.core.api.Assertions.assertThat(created.header("Location")).endsWith("/api/v1/consents/" + id);

        Map<String, Object> older = consent(List.of(), List.of("POLICE"), List.of("CRISIS_INTERVENTION"));
        older.put("grantedOn", today().minusDays(60).toString());
        older.put("expiresOn", today().minusDays(1).toString());
        older.put("grantedBy", "FAMILY");
        older.put("method", "VERBAL");
        String expired = as(SUPERVISOR).body(older).when().post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201).body("validToday", equalTo(false)).extract().path("id");

        as(SUPPORTER).when().get("/api/v1/consents/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("validToday", equalTo(true)).body("version", equalTo(0));
        // newest grant first
        as(SUPPORTER).when().get("/api/v1/cases/" + caseId + "/consents").then().statusCode(200)
                .body("items.id", contains(id, expired))
                .body("items.validToday", contains(true, false));
        // another case's ledger is its own
        String other = caseWithTeam(SUPPORTER);
        as(SUPPORTER).when().get("/api/v1/cases/" + other + "/consents").then().statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void theTermsNameAnAgencyOrKindAPurposeAndASensibleExpiry() {
        String caseId = caseWithTeam(SUPPORTER);
        String path = "/api/v1/cases/" + caseId + "/consents";

        Map<String, Object> noAgency = consent(List.of(), List.of(), List.of("BACKUP"));
        as(SUPPORTER).body(noAgency).when().post(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("agencyIds"));
        Map<String, Object> noneAtAll = new HashMap<>(noAgency);
        noneAtAll.remove("agencyIds");
        noneAtAll.remove("agencyKinds");
        as(SUPPORTER).body(noneAtAll).when().post(path).then().statusCode(400).body("violations.field", hasItem("agencyIds"));

        as(SUPPORTER).body(consent(List.of(), List.of("POLICE"), List.of())).when().post(path)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("purposes"));
        Map<String, Object> noPurposes = consent(List.of(), List.of("POLICE"), List.of());
        noPurposes.remove("purposes");
        as(SUPPORTER).body(noPurposes).when().post(path).then().statusCode(400).body("violations.field", hasItem("purposes"));

        Map<String, Object> backwards = consent(List.of(), List.of("POLICE"), List.of("BACKUP"));
        backwards.put("expiresOn", today().minusDays(1).toString());
        as(SUPPORTER).body(backwards).when().post(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("expiresOn"));
        // the same day is a consent of one day
        backwards.put("expiresOn", today().toString());
        as(SUPPORTER).body(backwards).when().post(path).then().statusCode(201).body("validToday", equalTo(true));

        as(SUPPORTER).when().get(path).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aClosedCaseTakesNoNewConsent() {
        String caseId = caseWithTeam(SUPPORTER);
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(agency("POLICE")));
        close(caseId);
        as(SUPPORTER).body(consent(List.of(), List.of("POLICE"), List.of("BACKUP")))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(409)
                .contentType("application/problem+json");
        // what was granted can still be withdrawn
        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200);
    }

    @Test
    void aWithdrawalAnswersTheCancelledReferralsAndHappensOnce() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        String first = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String second = refer(SUPPORTER, referral(caseId, healthCenter, consentId));

        as(SUPPORTER).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(200)
                .body("consent.id", equalTo(consentId))
                .body("consent.withdrawnOn", equalTo(today().toString()))
                .body("consent.withdrawnBy", equalTo(SUPPORTER.subject()))
                .body("consent.validToday", equalTo(false))
                .body("consent.version", equalTo(1))
                .body("cancelledReferrals", containsInAnyOrder(first, second));

        as(SUPERVISOR).when().post("/api/v1/consents/" + consentId + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", endsWith(today().toString()));
        as(SUPPORTER).when().get("/api/v1/consents/" + consentId).then().statusCode(200)
                .body("withdrawnBy", equalTo(SUPPORTER.subject())).body("version", equalTo(1));
    }

    @Test
    void aConsentEndsAfterItsLastDayOnTheServicesClock() {
        String caseId = caseWithTeam(SUPPORTER);
        String police = agency("POLICE");
        Map<String, Object> oneDay = consentFor(police);
        oneDay.put("expiresOn", today().toString());
        String consentId = recordConsent(SUPPORTER, caseId, oneDay);
        as(SUPPORTER).when().get("/api/v1/consents/" + consentId).then().statusCode(200).body("validToday", equalTo(true));

        QuarkusMock.installMockForType(Clock.fixed(Tokyo.startOf(today().plusDays(1)).plusSeconds(60), ZoneOffset.UTC),
                Clock.class);
        as(SUPPORTER).when().get("/api/v1/consents/" + consentId).then().statusCode(200).body("validToday", equalTo(false));
        as(SUPPORTER).body(referral(caseId, police, consentId)).when().post("/api/v1/referrals").then().statusCode(422);
    }
}
