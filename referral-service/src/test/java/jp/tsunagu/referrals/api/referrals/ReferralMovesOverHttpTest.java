package jp.tsunagu.referrals.api.referrals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.referrals.domain.ReferralMoves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.referrals.ReferralFixtures.SUPERVISOR;
import static jp.tsunagu.referrals.ReferralFixtures.SUPPORTER;
import static jp.tsunagu.referrals.ReferralFixtures.agency;
import static jp.tsunagu.referrals.ReferralFixtures.as;
import static jp.tsunagu.referrals.ReferralFixtures.attempt;
import static jp.tsunagu.referrals.ReferralFixtures.caseWithTeam;
import static jp.tsunagu.referrals.ReferralFixtures.consentFor;
import static jp.tsunagu.referrals.ReferralFixtures.draft;
import static jp.tsunagu.referrals.ReferralFixtures.move;
import static jp.tsunagu.referrals.ReferralFixtures.reasonFor;
import static jp.tsunagu.referrals.ReferralFixtures.recordConsent;
import static jp.tsunagu.referrals.ReferralFixtures.refer;
import static jp.tsunagu.referrals.ReferralFixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every move of the {@link ReferralMoves} tables through HTTP: the center's through /status and
 * /cancellation, the agency's as answers by phone or fax entered by a supporter through
 * /agency-answers. For each side, each status a referral can be in and each status it could be
 * moved to, a referral is brought there through legal moves and the move is attempted: 200 when
 * the tables allow it, 409 (problem+json, and the referral unchanged) when they do not.
 */
@QuarkusTest
class ReferralMovesOverHttpTest {

    private record Step(ReferralStatus from, ReferralStatus to, Party side) {
    }

    private String caseId;
    private String agencyId;
    private String consentId;

    @BeforeEach
    void aCaseWithAConsent() {
        caseId = caseWithTeam(SUPPORTER);
        agencyId = agency("PUBLIC_HEALTH_CENTER");
        consentId = recordConsent(SUPPORTER, caseId, consentFor(agencyId));
    }

    @Test
    void everyMoveOfTheTablesIsAllowedAndEveryOtherIsAConflict() {
        Map<ReferralStatus, List<Step>> paths = pathsFromTheTables();
        assertThat(paths).as("every status can be reached through legal moves").containsOnlyKeys(ReferralStatus.values());
        int allowed = 0;
        int refused = 0;
        int phoneOrFax = 0;
        for (ReferralStatus from : ReferralStatus.values()) {
            // one referral in `from` takes every refused move of both sides: a refusal changes nothing
            String standing = bringTo(from, paths);
            for (Party side : Party.values()) {
                for (ReferralStatus to : ReferralStatus.values()) {
                    if (ReferralMoves.allowed(from, side).contains(to)) {
                        String fresh = bringTo(from, paths);
                        String channel = phoneOrFax++ % 2 == 0 ? "PHONE" : "FAX";
                        Response answer = attempt(SUPPORTER, fresh, side, to, channel);
                        answer.then().statusCode(200).body("status", equalTo(to.name()));
                        Map<String, Object> last = answer.path("history[-1]");
                        assertThat(last).as("%s: %s -> %s", side, from, to)
                                .containsEntry("fromStatus", from.name())
                                .containsEntry("toStatus", to.name())
                                .containsEntry("party", side.name())
                                .containsEntry("by", SUPPORTER.subject())
                                .containsEntry("channel", side == Party.AGENCY ? channel : "API");
                        allowed++;
                    } else {
                        attempt(SUPPORTER, standing, side, to, "PHONE").then()
                                .statusCode(409)
                                .contentType("application/problem+json")
                                .body("status", equalTo(409))
                                .body("type", equalTo("https://tsunagu.jp/problems/conflict"))
                                .body("title", equalTo("Conflict"))
                                .body("detail", containsString("A referral in " + from + " cannot move to " + to))
                                .body("allowedMoves", equalTo(ReferralMoves.allowed(from, side).stream().sorted()
                                        .map(Enum::name).toList()));
                        refused++;
                    }
                }
            }
            as(SUPPORTER).when().get("/api/v1/referrals/" + standing).then().statusCode(200)
                    .body("status", equalTo(from.name()));
        }
        // 2 sides x 10 statuses x 10 targets: the 30 moves of the tables, and 170 others
        assertThat(allowed).isEqualTo(30);
        assertThat(refused).isEqualTo(170);
    }

    @Test
    void theCenterMayAlsoCancelThroughStatusAndASupervisorMovesToo() {
        String id = refer(SUPPORTER, referral(caseId, agencyId, consentId));
        as(SUPERVISOR).body(Map.of("status", "CANCELLED", "reason", Map.of("code", "DUPLICATE", "text", "重複")))
                .when().post("/api/v1/referrals/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusReason.code", equalTo("DUPLICATE"))
                .body("statusReason.text", equalTo("重複"))
                .body("closedAt", org.hamcrest.Matchers.notNullValue())
                .body("history[-1].by", equalTo(SUPERVISOR.subject()));
    }

    @Test
    void aReasonIsRequiredOnRejectedCancelledOnHoldAndFailed() {
        String requested = refer(SUPPORTER, referral(caseId, agencyId, consentId));
        as(SUPPORTER).body(Map.of()).when().post("/api/v1/referrals/" + requested + "/cancellation").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));
        as(SUPPORTER).body(Map.of("status", "CANCELLED")).when().post("/api/v1/referrals/" + requested + "/status")
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        answer(requested, Map.of("channel", "PHONE", "status", "REJECTED")).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        answer(requested, Map.of("channel", "FAX", "status", "CANCELLED")).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        // a reason needs its code
        answer(requested, Map.of("channel", "FAX", "status", "REJECTED", "reason", Map.of("text", "対象外"))).then().statusCode(400);

        String accepted = refer(SUPPORTER, referral(caseId, agencyId, consentId));
        move(SUPPORTER, accepted, Party.AGENCY, ReferralStatus.ACCEPTED);
        answer(accepted, Map.of("channel", "PHONE", "status", "ON_HOLD")).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        answer(accepted, Map.of("channel", "PHONE", "status", "FAILED")).then().statusCode(400)
                .body("violations.field", hasItem("reason"));

        // nothing moved; with a reason, each goes through and the reason is kept
        as(SUPPORTER).when().get("/api/v1/referrals/" + requested).then().body("status", equalTo("REQUESTED"));
        as(SUPPORTER).when().get("/api/v1/referrals/" + accepted).then().body("status", equalTo("ACCEPTED"));
        answer(accepted, Map.of("channel", "PHONE", "status", "ON_HOLD", "reason", reasonFor(ReferralStatus.ON_HOLD)))
                .then().statusCode(200)
                .body("statusReason.code", equalTo("WAITING_FOR_SUBJECT"))
                .body("history[-1].reasonCode", equalTo("WAITING_FOR_SUBJECT"))
                .body("history[-1].reasonText", equalTo("理由: ON_HOLD"));
    }

    @Test
    void completionCarriesAnOutcomeAndNoOtherMoveDoes() {
        String id = refer(SUPPORTER, referral(caseId, agencyId, consentId));
        answer(id, Map.of("channel", "PHONE", "status", "ACCEPTED", "outcome", "SUBJECT_SEEN")).then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        move(SUPPORTER, id, Party.AGENCY, ReferralStatus.ACCEPTED);
        answer(id, Map.of("channel", "PHONE", "status", "IN_PROGRESS", "outcome", "SUBJECT_SEEN")).then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        answer(id, Map.of("channel", "PHONE", "status", "COMPLETED")).then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        as(SUPPORTER).body(Map.of("status", "ENTERED_IN_ERROR", "outcome", "OTHER"))
                .when().post("/api/v1/referrals/" + id + "/status").then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().body("status", equalTo("ACCEPTED"));

        answer(id, Map.of("channel", "FAX", "status", "COMPLETED", "outcome", "CONNECTED_ELSEWHERE", "note", "地域の作業所へ"))
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("CONNECTED_ELSEWHERE"))
                .body("completedAt", org.hamcrest.Matchers.notNullValue())
                .body("history[-1].outcome", equalTo("CONNECTED_ELSEWHERE"))
                .body("history[-1].note", equalTo("地域の作業所へ"))
                .body("history[-1].channel", equalTo("FAX"))
                .body("history[-1].party", equalTo("AGENCY"));
    }

    @Test
    void anAgencysAnswerComesByPhoneOrFaxOnly() {
        String id = refer(SUPPORTER, referral(caseId, agencyId, consentId));
        for (String channel : List.of("API", "SYSTEM")) {
            answer(id, Map.of("channel", channel, "status", "ACCEPTED")).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("channel"));
        }
        answer(id, Map.of("status", "ACCEPTED")).then().statusCode(400).body("violations.field", hasItem("channel"));
        as(SUPPORTER).when().get("/api/v1/referrals/" + id).then().body("status", equalTo("REQUESTED"));
    }

    private static Response answer(String id, Map<String, Object> body) {
        return as(SUPPORTER).body(body).when().post("/api/v1/referrals/" + id + "/agency-answers");
    }

    /** A new referral of the case, brought to {@code status} through the legal moves of its path. */
    private String bringTo(ReferralStatus status, Map<ReferralStatus, List<Step>> paths) {
        List<Step> path = paths.get(status);
        boolean startsAsDraft = path.isEmpty() ? status == ReferralStatus.DRAFT : path.get(0).from() == ReferralStatus.DRAFT;
        String id = refer(SUPPORTER, startsAsDraft ? draft(caseId, agencyId, consentId) : referral(caseId, agencyId, consentId));
        for (Step step : path) {
            move(SUPPORTER, id, step.side(), step.to());
        }
        return id;
    }

    /**
     * The shortest legal way to every status, from the two a referral is made in (DRAFT, or
     * REQUESTED when sent at once), found in the tables themselves.
     */
    private static Map<ReferralStatus, List<Step>> pathsFromTheTables() {
        Map<ReferralStatus, List<Step>> paths = new EnumMap<>(ReferralStatus.class);
        paths.put(ReferralStatus.REQUESTED, List.of());
        paths.put(ReferralStatus.DRAFT, List.of());
        ArrayDeque<ReferralStatus> open = new ArrayDeque<>(List.of(ReferralStatus.REQUESTED, ReferralStatus.DRAFT));
        while (!open.isEmpty()) {
            ReferralStatus from = open.poll();
            for (Party side : Party.values()) {
                for (ReferralStatus to : ReferralStatus.values()) {
                    if (ReferralMoves.allowed(from, side).contains(to) && !paths.containsKey(to)) {
                        List<Step> path = new ArrayList<>(paths.get(from));
                        path.add(new Step(from, to, side));
                        paths.put(to, List.copyOf(path));
                        open.add(to);
                    }
                }
            }
        }
        return paths;
    }
}
