package jp.tsunagu.referrals;

import jp.tsunagu.testkit.SqlRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.events.cases.CaseClosed;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.events.referrals.Party;
import jp.tsunagu.events.referrals.ReferralStatus;
import jp.tsunagu.referrals.domain.ReferralMoves;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Callers, cases made known to referral-service through real case-events, agencies of the
 * directory (made through the admin API), consents and referrals the consent and referral tests share.
 */
public final class ReferralFixtures {

    public static final TestTokens.Builder SUPPORTER = TestTokens.user("rf-tokyo-supporter").roles("supporter").center("tokyo");
    public static final TestTokens.Builder OFF_TEAM = TestTokens.user("rf-tokyo-off-team").roles("supporter").center("tokyo");
    public static final TestTokens.Builder SUPERVISOR = TestTokens.user("rf-tokyo-supervisor").roles("supervisor").center("tokyo");
    public static final TestTokens.Builder PEER = TestTokens.user("rf-tokyo-peer").roles("peer-supporter").center("tokyo");
    public static final TestTokens.Builder OSAKA_SUPERVISOR = TestTokens.user("rf-osaka-supervisor").roles("supervisor").center("osaka");
    public static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("rf-center-system").roles("center-system").center("tokyo");
    public static final TestTokens.Builder ADMIN = DirectoryFixtures.ADMIN;

    static {
        // the callers are users of Keycloak's directory too
        TestDirectory.knows(SUPPORTER, OFF_TEAM, SUPERVISOR, PEER, OSAKA_SUPERVISOR, CENTER_SYSTEM);
    }

    private ReferralFixtures() {
    }

    public static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    /** Tokyo's day today, as the consent ledger counts days. */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    }

    // ---- cases, known through case-events -------------------------------------------------------

    /** An open Tokyo case with the given team, known to referral-service through case-events. */
    public static String caseWithTeam(TestTokens.Builder primary, TestTokens.Builder... others) {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(new CaseOpened(caseId, "tokyo", "C-2026-888888", Phase.ASSESSMENT, CaseStatus.OPEN,
                IntakeChannel.PHONE, Instant.now(), primary.subject(), null));
        List<TeamMember> members = new ArrayList<>(List.of(
                new TeamMember(TeamMemberKind.STAFF, primary.subject(), null, TeamRole.PRIMARY)));
        for (TestTokens.Builder other : others) {
            boolean peer = other == PEER;
            members.add(new TeamMember(peer ? TeamMemberKind.PEER_SUPPORTER : TeamMemberKind.STAFF, other.subject(), null,
                    peer ? TeamRole.PEER : TeamRole.SECONDARY));
        }
        EventPublisher.publish(new CaseTeamChanged(caseId, "tokyo", members, Instant.now(), primary.subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("select user_id from case_scope_member where case_id = ?", caseId)
                .contains(primary.subject()));
        return caseId.toString();
    }

    /** Closes the case through case-events and waits until referral-service knows. */
    public static void close(String caseId) {
        UUID id = UUID.fromString(caseId);
        EventPublisher.publish(new CaseClosed(id, "tokyo", Instant.now(), SUPERVISOR.subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("select status from case_scope where case_id = ?", id)
                .equals(List.of("CLOSED")));
    }

    /** The first column of the rows of a query on referral-service's own database. */
    public static List<String> rows(String sql, Object... parameters) {
        return SqlRows.column(Arc.container().instance(AgroalDataSource.class).get(), sql, parameters);
    }

    // ---- agencies --------------------------------------------------------------------------------

    /** A new agency of the directory, of that kind (made by the admin); answers its id. */
    public static String agency(String kind) {
        String id = DirectoryFixtures.uniqueId(kind.toLowerCase().replace('_', '-'));
        Map<String, Object> body = DirectoryFixtures.agency(id);
        body.put("kind", kind);
        DirectoryFixtures.create(body);
        return id;
    }

    // ---- consents --------------------------------------------------------------------------------

    /** A written consent of the subject, granted today without expiry. */
    public static Map<String, Object> consent(List<String> agencyIds, List<String> agencyKinds, List<String> purposes) {
        Map<String, Object> body = new HashMap<>();
        body.put("grantedBy", "SUBJECT");
        body.put("agencyIds", agencyIds);
        body.put("agencyKinds", agencyKinds);
        body.put("purposes", purposes);
        body.put("method", "WRITTEN");
        body.put("grantedOn", today().toString());
        return body;
    }

    /** Consent for one agency and BACKUP, CONSULTATION. */
    public static Map<String, Object> consentFor(String agencyId) {
        return consent(List.of(agencyId), List.of(), List.of("BACKUP", "CONSULTATION"));
    }

    /** Records the consent; answers its id. */
    public static String recordConsent(TestTokens.Builder caller, String caseId, Map<String, Object> body) {
        return as(caller).body(body).when().post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201).extract().path("id");
    }

    // ---- referrals -------------------------------------------------------------------------------

    /** A routine BACKUP referral resting on the consent. */
    public static Map<String, Object> referral(String caseId, String agencyId, String consentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("agencyId", agencyId);
        body.put("purpose", "BACKUP");
        body.put("reasons", List.of("SUSPECTED_MENTAL_ILLNESS", "WELFARE_NEED"));
        body.put("urgency", "ROUTINE");
        body.put("sharedSummary", "20代男性、3年間自室から出ていない。母親が相談。受診歴なし。");
        body.put("legalBasis", "CONSENT");
        body.put("consentId", consentId);
        return body;
    }

    /** A draft of the same. */
    public static Map<String, Object> draft(String caseId, String agencyId, String consentId) {
        Map<String, Object> body = referral(caseId, agencyId, consentId);
        body.put("draft", true);
        return body;
    }

    /** Refers; answers the referral's id. */
    public static String refer(TestTokens.Builder caller, Map<String, Object> body) {
        return as(caller).body(body).when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    /** A reason body that fits a move to that status. */
    public static Map<String, Object> reasonFor(ReferralStatus to) {
        String code = switch (to) {
            case REJECTED -> "NOT_ELIGIBLE";
            case ON_HOLD -> "WAITING_FOR_SUBJECT";
            case FAILED -> "UNABLE_TO_CONTACT";
            default -> "NO_LONGER_NEEDED";
        };
        return Map.of("code", code, "text", "理由: " + to);
    }

    /**
     * Attempts a move as the caller, the way each side's moves come in: the center's through
     * /cancellation (CANCELLED) or /status, the agency's as an answer by phone or fax entered by the
     * caller through /agency-answers. A reason comes along where one is required, and an outcome
     * with COMPLETED, so that only the move itself can be refused.
     */
    public static Response attempt(TestTokens.Builder caller, String referralId, Party side, ReferralStatus to, String channel) {
        Map<String, Object> body = new HashMap<>();
        if (ReferralMoves.NEED_A_REASON.contains(to)) {
            body.put("reason", reasonFor(to));
        }
        if (to == ReferralStatus.COMPLETED) {
            body.put("outcome", "SERVICE_STARTED");
        }
        String path;
        if (side == Party.AGENCY) {
            body.put("channel", channel);
            body.put("status", to.name());
            path = "/agency-answers";
        } else if (to == ReferralStatus.CANCELLED) {
            path = "/cancellation";
        } else {
            body.put("status", to.name());
            path = "/status";
        }
        return as(caller).body(body).when().post("/api/v1/referrals/" + referralId + path);
    }

    /** Moves the referral, which must succeed. */
    public static void move(TestTokens.Builder caller, String referralId, Party side, ReferralStatus to) {
        attempt(caller, referralId, side, to, "PHONE").then().statusCode(200);
    }
}
