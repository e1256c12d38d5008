package jp.tsunagu.referrals;

import jp.tsunagu.testkit.SqlRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.events.cases.CaseOpened;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the partner API's tests share: the center's callers, agencies of their own in the directory
 * (so each test's agency sees only that test's referrals), cases made known through case-events,
 * referrals sent through the center's API, an inbound referral's body, and a clock the tests move.
 */
public final class PartnerFixtures {

    public static final TestTokens.Builder SUPPORTER = TestTokens.user("pf-tokyo-supporter").roles("supporter").center("tokyo");
    public static final TestTokens.Builder SUPERVISOR = TestTokens.user("pf-tokyo-supervisor").roles("supervisor").center("tokyo");
    public static final TestTokens.Builder OSAKA_SUPERVISOR = TestTokens.user("pf-osaka-supervisor").roles("supervisor").center("osaka");
    /** What the center shared: the agency reads it, no event carries it. */
    public static final String SHARED_SUMMARY = "20代男性、自室から3年出ていない。母親が相談。保健師の訪問を希望。";

    static {
        TestDirectory.knows(SUPPORTER, SUPERVISOR, OSAKA_SUPERVISOR);
    }

    private PartnerFixtures() {
    }

    public static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    /** The agency's own system (client credentials, agency_id claim). */
    public static TestTokens.Builder partner(String agencyId) {
        return DirectoryFixtures.partner(agencyId);
    }

    /** A new agency of the directory, of that kind; answers its id. */
    public static String agency(String kind) {
        String id = DirectoryFixtures.uniqueId("pf-" + kind.toLowerCase().replace('_', '-'));
        Map<String, Object> body = DirectoryFixtures.agency(id);
        body.put("kind", kind);
        DirectoryFixtures.create(body);
        return id;
    }

    /** An open Tokyo case with SUPPORTER as its primary supporter, known to referral-service through case-events. */
    public static String openCase() {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(new CaseOpened(caseId, "tokyo", "C-2026-777777", Phase.ASSESSMENT, CaseStatus.OPEN,
                IntakeChannel.PHONE, Instant.now(), SUPPORTER.subject(), null));
        EventPublisher.publish(new CaseTeamChanged(caseId, "tokyo",
                List.of(new TeamMember(TeamMemberKind.STAFF, SUPPORTER.subject(), null, TeamRole.PRIMARY)),
                Instant.now(), SUPPORTER.subject()));
        awaitRow("select user_id from case_scope_member where case_id = ?", caseId, SUPPORTER.subject());
        return caseId.toString();
    }

    /** Waits until the query's first column holds the value (what a consumer did, seen in the database). */
    public static void awaitRow(String sql, Object parameter, String value) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(sql, parameter).contains(value));
    }

    public static List<String> rows(String sql, Object... parameters) {
        return SqlRows.column(Arc.container().instance(AgroalDataSource.class).get(), sql, parameters);
    }

    /** A referral of a new case to the agency, on the subject's written consent, sent (or a draft); answers its id. */
    public static String referral(String agencyId, boolean draft) {
        String caseId = openCase();
        return referral(caseId, agencyId, draft);
    }

    public static String referral(String caseId, String agencyId, boolean draft) {
        String consentId = as(SUPPORTER).body(Map.of("grantedBy", "SUBJECT", "agencyIds", List.of(agencyId), "agencyKinds", List.of(),
                        "purposes", List.of("BACKUP"), "method", "WRITTEN",
                        "grantedOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("agencyId", agencyId);
        body.put("purpose", "BACKUP");
        body.put("reasons", List.of("SUSPECTED_MENTAL_ILLNESS"));
        body.put("urgency", "ROUTINE");
        body.put("sharedSummary", SHARED_SUMMARY);
        body.put("legalBasis", "CONSENT");
        body.put("consentId", consentId);
        body.put("draft", draft);
        return as(SUPPORTER).body(body).when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    /** A household an agency refers to the Tokyo center. */
    public static Map<String, Object> inbound() {
        Map<String, Object> body = new HashMap<>();
        body.put("centerId", "tokyo");
        body.put("reasons", List.of("SUSPECTED_MENTAL_ILLNESS", "WELFARE_NEED"));
        body.put("urgency", "URGENT");
        body.put("sharedSummary", "40代女性、10年ほど外出なし。父親の入院で生活が立ち行かない。");
        body.put("contactPerson", Map.of("name", "佐藤花子", "relation", "MOTHER", "phone", "090-0000-1234"));
        body.put("concern", "母親が高齢で、本人の食事が心配");
        body.put("consentHeld", true);
        body.put("doNotContactDirectly", true);
        return body;
    }
}
