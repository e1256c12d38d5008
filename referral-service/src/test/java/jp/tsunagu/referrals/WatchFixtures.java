package jp.tsunagu.referrals;

import jp.tsunagu.testkit.SqlRows;
import jp.tsunagu.events.cases.CaseOpened;
import jp.tsunagu.events.cases.CaseStatus;
import jp.tsunagu.events.cases.CaseTeamChanged;
import jp.tsunagu.events.cases.IntakeChannel;
import jp.tsunagu.events.cases.Phase;
import jp.tsunagu.events.cases.TeamMember;
import jp.tsunagu.events.cases.TeamMemberKind;
import jp.tsunagu.events.cases.TeamRole;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static org.awaitility.Awaitility.await;

/**
 * What the overdue watch's and the stats' tests share: a clock they move, a center of their own
 * (so counts are exact whatever other tests leave behind), cases made known through real
 * case-events, agencies, and referrals made and answered through the center's API.
 */
public final class WatchFixtures {

    private WatchFixtures() {
    }

    /** A center no other test uses. */
    public static String newCenter(String prefix) {
        return DirectoryFixtures.uniqueId(prefix);
    }

    public static TestTokens.Builder supervisorOf(String center) {
        return TestTokens.user("supervisor-of-" + center).roles("supervisor").center(center);
    }

    /** An open case of the center with {@code member} as its primary supporter, once referral-service's case view has it. */
    public static UUID caseIn(DataSource database, String center, TestTokens.Builder member) {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(new CaseOpened(caseId, center, "C-2026-" + String.format("%06d", Math.floorMod(caseId.hashCode(), 1_000_000)),
                Phase.ASSESSMENT, CaseStatus.OPEN, IntakeChannel.PHONE, Instant.now(), member.subject(), null));
        EventPublisher.publish(new CaseTeamChanged(caseId, center,
                List.of(new TeamMember(TeamMemberKind.STAFF, member.subject(), null, TeamRole.PRIMARY)), Instant.now(),
                member.subject()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !SqlRows.column(database,
                "select user_id from case_scope_member where case_id = ?", caseId).isEmpty());
        return caseId;
    }

    /** A new agency of the directory of that kind; answers its id. */
    public static String agency(String kind) {
        String id = DirectoryFixtures.uniqueId("watch-agency");
        Map<String, Object> body = DirectoryFixtures.agency(id);
        body.put("kind", kind);
        DirectoryFixtures.create(body);
        return id;
    }

    /** A referral sent (REQUESTED) to protect life or body; answers its id. {@code respondBy} null: the default. */
    public static String refer(TestTokens.Builder caller, UUID caseId, String agencyId, String purpose, Instant respondBy) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId.toString(), "agencyId", agencyId, "purpose", purpose,
                "reasons", List.of("SUSPECTED_MENTAL_ILLNESS"), "urgency", "ROUTINE",
                "sharedSummary", "30代男性、10年ほど自室中心の生活。母親が相談。精神科受診歴なし。",
                "legalBasis", "VITAL_INTEREST", "justification", "自傷のおそれがあり、本人の同意を得る時間がない"));
        if (respondBy != null) {
            body.put("respondBy", respondBy.toString());
        }
        return as(caller).body(body).when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    /** The agency's answer given by phone, entered by {@code caller}; {@code reasonCode} and {@code outcome} may be null. */
    public static void answerByPhone(TestTokens.Builder caller, String referralId, String status, String reasonCode,
                                     String outcome) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "PHONE", "status", status));
        if (reasonCode != null) {
            body.put("reason", Map.of("code", reasonCode, "text", "電話で回答あり"));
        }
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        as(caller).body(body).when().post("/api/v1/referrals/" + referralId + "/agency-answers").then().statusCode(200);
    }

    /** Changes the service's own database where no endpoint can yet (the agency's first read, through the partner API). */
    public static int update(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
