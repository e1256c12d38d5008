package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.referrals.DirectoryFixtures;
import jp.tsunagu.referrals.PartnerFixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.ReferralFixtures.OFF_TEAM;
import static jp.tsunagu.referrals.ReferralFixtures.OSAKA_SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consent;
import static jp.tsunagu.referrals.ReferralFixtures.move;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The center's list of referrals: its filters, its pages, and who sees which entries. */
@QuarkusTest
class ReferralListTest {

    private static final String REFERRALS = "/api/v1/referrals";

    @Test
    void filtersByCaseStatusAgencyAndDirection() {
        String caseId = caseWithTeam(SUPPORTER);
        String otherCase = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String clinic = agency("PSYCHIATRIC_CLINIC");
        String consentId = recordConsent(SUPPORTER, caseId, consent(List.of(healthCenter, clinic), List.of(), List.of("BACKUP")));
        String toHealthCenter = refer(SUPPORTER, referral(caseId, healthCenter, consentId));
        String toClinic = refer(SUPPORTER, referral(caseId, clinic, consentId));
        move(SUPPORTER, toClinic, Party.AGENCY, ReferralStatus.ACCEPTED);
        String ofOtherCase = refer(SUPPORTER, referral(otherCase, healthCenter,
                recordConsent(SUPPORTER, otherCase, consent(List.of(healthCenter), List.of(), List.of("BACKUP")))));

        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId).then().statusCode(200)
                .body("items.id", contains(toClinic, toHealthCenter)) // newest first
                .body("items.history", everyItem(nullValue()))
                .body("items.sharedSummary", everyItem(equalTo("20代男性、3年間自室から出ていない。母親が相談。受診歴なし。")))
                .body("nextCursor", nullValue());
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&status=ACCEPTED").then().statusCode(200)
                .body("items.id", contains(toClinic));
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&status=REQUESTED").then().statusCode(200)
                .body("items.id", contains(toHealthCenter));
        as(SUPPORTER).when().get(REFERRALS + "?agencyId=" + healthCenter).then().statusCode(200)
                .body("items.id", containsInAnyOrder(toHealthCenter, ofOtherCase));
        as(SUPERVISOR).when().get(REFERRALS + "?agencyId=" + clinic).then().statusCode(200)
                .body("items.id", contains(toClinic));
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&direction=OUTBOUND").then().statusCode(200)
                .body("items.id", contains(toClinic, toHealthCenter));
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&direction=INBOUND").then().statusCode(200)
                .body("items", emptyIterable());
        as(SUPPORTER).when().get(REFERRALS + "?direction=INBOUND").then().statusCode(200)
                .body("items.direction", everyItem(equalTo("INBOUND")));
    }

    @Test
    void overdueTurnsOnTheClock() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consent(List.of(healthCenter), List.of(), List.of("BACKUP")));
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> dueSoon = referral(caseId, healthCenter, consentId);
        dueSoon.put("respondBy", soon.toString());
        String late = refer(SUPPORTER, dueSoon);
        String answered = refer(SUPPORTER, dueSoon);
        move(SUPPORTER, answered, Party.AGENCY, ReferralStatus.ACCEPTED);
        String withAWeek = refer(SUPPORTER, referral(caseId, healthCenter, consentId));

        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&overdue=true").then().statusCode(200)
                .body("items", emptyIterable());

        QuarkusMock.installMockForType(Clock.fixed(soon.plus(10, ChronoUnit.MINUTES), ZoneOffset.UTC), Clock.class);

        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&overdue=true").then().statusCode(200)
                .body("items.id", contains(late))
                .body("items[0].overdue", equalTo(true));
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&overdue=false").then().statusCode(200)
                .body("items.id", containsInAnyOrder(late, answered, withAWeek));
        as(SUPPORTER).when().get(REFERRALS + "/" + late).then().statusCode(200).body("overdue", equalTo(true));
        as(SUPPORTER).when().get(REFERRALS + "/" + answered).then().statusCode(200).body("overdue", equalTo(false));
        as(SUPPORTER).when().get(REFERRALS + "/" + withAWeek).then().statusCode(200).body("overdue", equalTo(false));
        // answered late, it is no longer awaited
        move(SUPPORTER, late, Party.AGENCY, ReferralStatus.REJECTED);
        as(SUPPORTER).when().get(REFERRALS + "?caseId=" + caseId + "&overdue=true").then().statusCode(200)
                .body("items", emptyIterable());
    }

    @Test
    void pagesWalkTheWholeListOnce() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String consentId = recordConsent(SUPPORTER, caseId, consent(List.of(healthCenter), List.of(), List.of("BACKUP")));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, refer(SUPPORTER, referral(caseId, healthCenter, consentId)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = as(SUPPORTER).queryParam("caseId", caseId).queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get(REFERRALS).then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made);

        as(SUPPORTER).when().get(REFERRALS + "?limit=0").then().statusCode(400).body("violations.field", hasItem("limit"));
        as(SUPPORTER).when().get(REFERRALS + "?limit=201").then().statusCode(400);
        as(SUPPORTER).when().get(REFERRALS + "?cursor=not-a-cursor").then().statusCode(400);
    }

    @Test
    void onlyTheTeamAndTheCentersSupervisorsSeeACasesReferrals() {
        String caseId = caseWithTeam(SUPPORTER);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String id = refer(SUPPORTER, referral(caseId, healthCenter,
                recordConsent(SUPPORTER, caseId, consent(List.of(healthCenter), List.of(), List.of("BACKUP")))));

        as(SUPERVISOR).when().get(REFERRALS).then().statusCode(200).body("items.id", hasItem(id));
        as(SUPERVISOR).when().get(REFERRALS + "/" + id).then().statusCode(200);

        as(OFF_TEAM).when().get(REFERRALS).then().statusCode(200).body("items.id", not(hasItem(id)))
                .body("items.caseId", not(hasItem(caseId)));
        as(OFF_TEAM).when().get(REFERRALS + "?agencyId=" + healthCenter).then().statusCode(200).body("items", emptyIterable());
        as(OFF_TEAM).when().get(REFERRALS + "?caseId=" + caseId).then().statusCode(404).contentType("application/problem+json");
        as(OFF_TEAM).when().get(REFERRALS + "/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo(notFoundDetailOfAnUnknownReferral(id)));

        as(OSAKA_SUPERVISOR).when().get(REFERRALS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(OSAKA_SUPERVISOR).when().get(REFERRALS + "?agencyId=" + healthCenter).then().statusCode(200).body("items", emptyIterable());
        as(OSAKA_SUPERVISOR).when().get(REFERRALS + "/" + id).then().statusCode(404);
        as(OSAKA_SUPERVISOR).when().get(REFERRALS + "?caseId=" + caseId).then().statusCode(404);
    }

    @Test
    void aTeamMembersPagesHoldTheirCasesReferralsAndTheCentersUnassignedInboundOnesNewestFirst() {
        String mine = caseWithTeam(SUPPORTER);
        String notMine = caseWithTeam(OFF_TEAM);
        String healthCenter = agency("PUBLIC_HEALTH_CENTER");
        String myConsent = recordConsent(SUPPORTER, mine, consent(List.of(healthCenter), List.of(), List.of("BACKUP")));
        String first = refer(SUPPORTER, referral(mine, healthCenter, myConsent));
        String unassigned = as(DirectoryFixtures.partner(healthCenter)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(PartnerFixtures.inbound()).when().post("/api/v1/partner/referrals").then().statusCode(201)
                .extract().path("id");
        String ofAnotherTeam = refer(OFF_TEAM, referral(notMine, healthCenter,
                recordConsent(OFF_TEAM, notMine, consent(List.of(healthCenter), List.of(), List.of("BACKUP")))));
        String last = refer(SUPPORTER, referral(mine, healthCenter, myConsent));

        List<String> ids = new ArrayList<>();
        List<OffsetDateTime> created = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = as(SUPPORTER).queryParam("limit", 3)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get(REFERRALS).then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            page.jsonPath().getList("items.createdAt", String.class).forEach(at -> created.add(OffsetDateTime.parse(at)));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(ids).doesNotHaveDuplicates().containsSubsequence(last, unassigned, first).doesNotContain(ofAnotherTeam);
        assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
        // the same list as the supervisor's, but for the referrals of cases whose team the member is not on
        List<String> supervisors = as(SUPERVISOR).queryParam("limit", 200).when().get(REFERRALS).then().statusCode(200)
                .extract().path("items.id");
        assertThat(supervisors).contains(last, unassigned, ofAnotherTeam, first);
        assertThat(supervisors.subList(0, supervisors.indexOf(first) + 1)).filteredOn(id -> !id.equals(ofAnotherTeam))
                .containsAll(ids.subList(0, ids.indexOf(first) + 1));
    }

    /** What a referral that does not exist answers, for the same id: nothing tells them apart. */
    private static String notFoundDetailOfAnUnknownReferral(String id) {
        String unknown = java.util.UUID.randomUUID().toString();
        String detail = as(SUPERVISOR).when().get(REFERRALS + "/" + unknown).then().statusCode(404).extract().path("detail");
        return detail.replace(unknown, id);
    }
}
