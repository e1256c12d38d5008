package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.close;
import static jp.tsunagu.referrals.ReferralFixtures.consent;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.draft;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static jp.tsunagu.referrals.ReferralFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Referring a case: on a consent that covers it, or to protect life or body; drafts; what is refused. */
@QuarkusTest
class ReferralCreationTest {

    private static final String REFERRALS = "/api/v1/referrals";

    @ParameterizedTest(name = "{0}: respond by {1} after sending")
    @CsvSource(textBlock = """
            EMERGENCY, PT1H
            URGENT,    PT24H
            ROUTINE,   P7D
            """)
    void onACoveringConsentItIsRequestedWithTheDefaultRespondBy(String urgency, Duration expected) {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        Map<String, Object> body = referral(caseId, healthCenter, consentId);
        body.put("urgency", urgency);

        Instant before = Instant.now();
        ExtractableResponse<Response> made = as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("direction", equalTo("OUTBOUND"))
                .body("caseId", equalTo(caseId))
                .body("centerId", equalTo("tokyo"))
                .body("agencyId", equalTo(healthCenter))
                .body("agencyKind", equalTo("PUBLIC_HEALTH_CENTER"))
                .body("urgency", equalTo(urgency))
                .body("legalBasis", equalTo("CONSENT"))
                .body("consentId", equalTo(consentId))
                .body("overdue", equalTo(false))
                .body("createdBy", equalTo(SUPPORTER.subject()))
                .body("history.toStatus", contains("REQUESTED"))
                .body("history[0].party", equalTo("CENTER"))
                .extract();
        String id = made.path("id");
        assertThat(made.header("Location")).endsWith(REFERRALS + "/" + id);
        Instant requestedAt = instant(made.path("requestedAt"));
        assertThat(requestedAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(requestedAt, instant(made.path("respondBy")))).isEqualTo(expected);

        as(SUPPORTER).when().get(REFERRALS + "/" + id).then().statusCode(200).body("status", equalTo("REQUESTED"));
        assertThat(EventReader.forSubject("referral-events", caseId, 1, Duration.ofSeconds(20)))
                .singleElement().satisfies(e -> {
                    assertThat(e.header("ce_type")).isEqualTo("referral.requested.v1");
                    assertThat(e.value()).contains(id).contains(consentId).contains(urgency);
                });
    }

    @Test
    void aGivenRespondByIsKeptAndMustLieAhead() {
        String caseId = caseWithTeam(SUPPORTER);
        String police = agency("POLICE");
        // a consent for every police station, by kind
        String consentId = recordConsent(SUPPORTER, caseId, consent(List.of(), List.of("POLICE"), List.of("CRISIS_INTERVENTION")));
        Map<String, Object> body = referral(caseId, police, consentId);
        body.put("purpose", "CRISIS_INTERVENTION");
        body.put("urgency", "EMERGENCY");
        Instant given = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        body.put("respondBy", given.toString());
        String respondBy = as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(201)
                .body("agencyKind", equalTo("POLICE")).extract().path("respondBy");
        assertThat(instant(respondBy)).isEqualTo(given);

        body.put("respondBy", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(400)
                .body("violations.field", hasItem("respondBy"));
    }

    @Test
    void aConsentThatDoesNotCoverItIsRefused() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String clinic = agency("PSYCHIATRIC_CLINIC");
        String covering = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));

        // another agency, of another kind
        as(SUPPORTER).body(referral(caseId, clinic, covering)).when().post(REFERRALS).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString(covering));
        // another purpose
        Map<String, Object> transfer = referral(caseId, healthCenter, covering);
        transfer.put("purpose", "TRANSFER");
        as(SUPPORTER).body(transfer).when().post(REFERRALS).then().statusCode(422).contentType("application/problem+json");
        // a kind other than the agency's
        String byKind = recordConsent(SUPPORTER, caseId, consent(List.of(), List.of("HOSPITAL"), List.of("BACKUP")));
        as(SUPPORTER).body(referral(caseId, clinic, byKind)).when().post(REFERRALS).then().statusCode(422);

        // expired yesterday
        Map<String, Object> expiredBody = consentFor(healthCenter);
        expiredBody.put("grantedOn", today().minusDays(30).toString());
        expiredBody.put("expiresOn", today().minusDays(1).toString());
        String expired = recordConsent(SUPPORTER, caseId, expiredBody);
        as(SUPPORTER).body(referral(caseId, healthCenter, expired)).when().post(REFERRALS).then().statusCode(422)
                .contentType("application/problem+json");

        // withdrawn
        String withdrawn = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        as(SUPPORTER).when().post("/api/v1/consents/" + withdrawn + "/withdrawal").then().statusCode(200);
        as(SUPPORTER).body(referral(caseId, healthCenter, withdrawn)).when().post(REFERRALS).then().statusCode(422)
                .body("detail", containsString("withdrawn"));

        // another case's consent, and no consent at all
        String otherCase = caseWithTeam(SUPPORTER);
        String othersConsent = recordConsent(SUPPORTER, otherCase, consentFor(healthCenter));
        as(SUPPORTER).body(referral(caseId, healthCenter, othersConsent)).when().post(REFERRALS).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("consentId"));
        as(SUPPORTER).body(referral(caseId, healthCenter, UUID.randomUUID().toString())).when().post(REFERRALS)
                .then().statusCode(400).body("violations.field", hasItem("consentId"));
        Map<String, Object> noConsent = referral(caseId, healthCenter, null);
        noConsent.remove("consentId");
        as(SUPPORTER).body(noConsent).when().post(REFERRALS).then().statusCode(400).body("violations.field", hasItem("consentId"));

        // nothing was referred; the covering consent still works
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId).then().statusCode(200).body("items.size()", equalTo(0));
        refer(SUPPORTER, referral(caseId, healthCenter, covering));
    }

    @Test
    void withoutConsentToProtectLifeOrBodyAJustificationIsNeededAndSupervisorsSeeIt() {
        String caseId = caseWithTeam(SUPPORTER);
        String police = agency("POLICE");
        Map<String, Object> body = referral(caseId, police, null);
        body.remove("consentId");
        body.put("legalBasis", "VITAL_INTEREST");
        body.put("purpose", "CRISIS_INTERVENTION");
        body.put("urgency", "EMERGENCY");
        as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("justification"));
        body.put("justification", "   ");
        as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(400).body("violations.field", hasItem("justification"));

        body.put("justification", "本人が刃物を持ち出し家族に危害の恐れ。本人の同意を得る余裕がない。");
        String id = as(SUPPORTER).body(body).when().post(REFERRALS).then().statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("legalBasis", equalTo("VITAL_INTEREST"))
                .body("consentId", nullValue())
                .body("justification", equalTo("本人が刃物を持ち出し家族に危害の恐れ。本人の同意を得る余裕がない。"))
                .extract().path("id");

        as(SUPERVISOR).when().get(REFERRALS + "?legalBasis=VITAL_INTEREST").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.legalBasis", everyItem(equalTo("VITAL_INTEREST")));
        as(SUPERVISOR).when().get(REFERRALS + "?legalBasis=CONSENT&caseId=" + caseId).then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        // a consent basis carries no justification
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(police));
        Map<String, Object> both = referral(caseId, police, consentId);
        both.put("justification", "念のため");
        as(SUPPORTER).body(both).when().post(REFERRALS).then().statusCode(400).body("violations.field", hasItem("justification"));
    }

    @Test
    void anUnknownAgencyIsABadRequestAndAClosedCaseAConflict() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        as(SUPPORTER).body(referral(caseId, "no-such-agency-here", consentId)).when().post(REFERRALS).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("agencyId"));
        as(SUPPORTER).body(referral(caseId, "Not A Slug!", consentId)).when().post(REFERRALS).then().statusCode(400)
                .body("violations.field", hasItem("agencyId"));

        close(caseId);
        as(SUPPORTER).body(referral(caseId, healthCenter, consentId)).when().post(REFERRALS).then().statusCode(409)
                .contentType("application/problem+json");
        as(SUPPORTER).body(draft(caseId, healthCenter, consentId)).when().post(REFERRALS).then().statusCode(409);
    }

    @Test
    void aDraftIsNotRequestedUntilItIsSent() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consentFor(healthCenter));
        Map<String, Object> draftBody = draft(caseId, healthCenter, consentId);
        draftBody.put("urgency", "URGENT");
        String draftId = as(SUPPORTER).body(draftBody).when().post(REFERRALS).then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("respondBy", nullValue())
                .body("requestedAt", nullValue())
                .body("overdue", equalTo(false))
                .body("history.toStatus", contains("DRAFT"))
                .extract().path("id");
        Map<String, Object> withRespondBy = draft(caseId, healthCenter, consentId);
        withRespondBy.put("respondBy", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        as(SUPPORTER).body(withRespondBy).when().post(REFERRALS).then().statusCode(400)
                .body("violations.field", hasItem("respondBy"));

        // a referral sent after the draft: its event comes after anything the draft would have published (one case, one partition)
        String sent = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        List<EventReader.Record> events = EventReader.forSubject("referral-events", caseId, 1, Duration.ofSeconds(20));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.value()).contains(sent).doesNotContain(draftId));

        ExtractableResponse<Response> requested = as(SUPPORTER).body(Map.of("status", "REQUESTED"))
                .when().post(REFERRALS + "/" + draftId + "/status").then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("history.toStatus", contains("DRAFT", "REQUESTED"))
                .body("history[1].fromStatus", equalTo("DRAFT"))
                .extract();
        assertThat(Duration.between(instant(requested.path("requestedAt")), instant(requested.path("respondBy"))))
                .isEqualTo(Duration.ofHours(24));

        List<EventReader.Record> after = EventReader.forSubject("referral-events", caseId, 2, Duration.ofSeconds(20));
        assertThat(after).hasSize(2);
        assertThat(after.get(1).header("ce_type")).isEqualTo("referral.requested.v1");
        assertThat(after.get(1).value()).contains(draftId);
        assertThat(after).noneMatch(e -> e.header("ce_type").equals("referral.status-changed.v1"));
    }

    static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
