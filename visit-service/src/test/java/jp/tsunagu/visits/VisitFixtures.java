package jp.tsunagu.visits;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CasePhaseChanged;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Callers, cases made known through real case-events, and visit bodies the tests share. */
public final class VisitFixtures {

    public static final TestTokens.Builder SUPPORTER = TestTokens.user("v-tokyo-supporter").roles("supporter").center("tokyo");
    public static final TestTokens.Builder OTHER_SUPPORTER = TestTokens.user("v-tokyo-supporter-2").roles("supporter").center("tokyo");
    public static final TestTokens.Builder SUPERVISOR = TestTokens.user("v-tokyo-supervisor").roles("supervisor").center("tokyo");
    public static final TestTokens.Builder PEER = TestTokens.user("v-tokyo-peer").roles("peer-supporter").center("tokyo");
    public static final TestTokens.Builder OSAKA_SUPERVISOR = TestTokens.user("v-osaka-supervisor").roles("supervisor").center("osaka");
    public static final TestTokens.Builder PARTNER = TestTokens.user("v-partner").roles("partner-agency").agency("tokyo-police");

    static {
        // the callers are users of Keycloak's directory too (visitors name them)
        TestDirectory.knows(SUPPORTER, OTHER_SUPPORTER, SUPERVISOR, PEER, OSAKA_SUPERVISOR, PARTNER);
    }

    private VisitFixtures() {
    }

    public static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    /** A case in OUTREACH with the given team, known to visit-service through case-events. */
    public static String caseWithTeam(TestTokens.Builder primary, TestTokens.Builder... others) {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(new CaseOpened(caseId, "tokyo", "C-2026-999999", Phase.ASSESSMENT, CaseStatus.OPEN,
                IntakeChannel.PHONE, Instant.now(), primary.subject(), null));
        setTeam(caseId.toString(), primary, others);
        EventPublisher.publish(new CasePhaseChanged(caseId, "tokyo", Phase.ASSESSMENT, Phase.OUTREACH, false,
                Instant.now(), primary.subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> as(primary).get("/api/v1/visits?caseId=" + caseId)
                .statusCode() == 200);
        return caseId.toString();
    }

    public static void setTeam(String caseId, TestTokens.Builder primary, TestTokens.Builder... others) {
        List<TeamMember> members = new ArrayList<>(List.of(new TeamMember(TeamMemberKind.STAFF, primary.subject(), null, TeamRole.PRIMARY)));
        for (TestTokens.Builder other : others) {
            boolean peer = other == PEER;
            members.add(new TeamMember(peer ? TeamMemberKind.PEER_SUPPORTER : TeamMemberKind.STAFF, other.subject(), null,
                    peer ? TeamRole.PEER : TeamRole.SECONDARY));
        }
        EventPublisher.publish(new CaseTeamChanged(UUID.fromString(caseId), "tokyo", members, Instant.now(), primary.subject()));
    }

    public static Map<String, Object> notMet(String caseId, TestTokens.Builder visitor, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("kind", "HOME");
        body.put("occurredAt", at.toString());
        body.put("durationMinutes", 5);
        body.put("visitors", List.of(Map.of("userId", visitor.subject(), "role", "STAFF")));
        body.put("outcome", "NOT_MET");
        body.put("leftBehind", List.of(Map.of("kind", "LETTER", "contents", List.of("SUPPORTER_NEWS"))));
        body.put("notes", "玄関先で母親に手紙を託した");
        return body;
    }

    public static Map<String, Object> met(String caseId, TestTokens.Builder visitor, Instant at, Instant next) {
        Map<String, Object> body = new HashMap<>(notMet(caseId, visitor, at));
        body.put("outcome", "MET_SUBJECT");
        body.put("leftBehind", List.of());
        body.put("timeAloneWithSubject", true);
        body.put("topics", List.of("ギター"));
        body.put("nextVisit", Map.of("consent", "AGREED", "at", next.toString(), "durationMinutes", 30));
        body.put("observations", "表情は硬いが、目を合わせて話せた");
        return body;
    }
}
