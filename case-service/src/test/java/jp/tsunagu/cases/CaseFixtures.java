package jp.tsunagu.cases;

import io.restassured.response.Response;
import jp.tsunagu.testkit.AuthorizationMatrix;
import jp.tsunagu.testkit.TestDirectory;
import jp.tsunagu.testkit.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers and requests the case-service tests share. */
public final class CaseFixtures {

    public static final TestTokens.Builder TOKYO_SUPPORTER = TestTokens.user("tokyo-supporter-1").roles("supporter").center("tokyo");
    public static final TestTokens.Builder TOKYO_SUPPORTER_2 = TestTokens.user("tokyo-supporter-2").roles("supporter").center("tokyo");
    public static final TestTokens.Builder TOKYO_SUPERVISOR = TestTokens.user("tokyo-supervisor").roles("supervisor").center("tokyo");
    public static final TestTokens.Builder TOKYO_PEER = TestTokens.user("tokyo-peer").roles("peer-supporter").center("tokyo");
    public static final TestTokens.Builder OSAKA_SUPERVISOR = TestTokens.user("osaka-supervisor").roles("supervisor").center("osaka");
    public static final TestTokens.Builder OSAKA_SUPPORTER = TestTokens.user("osaka-supporter").roles("supporter").center("osaka");
    public static final TestTokens.Builder PARTNER = TestTokens.user("service-account-agency").roles("partner-agency").agency("tokyo-police");
    public static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("service-account-center-system-tokyo").roles("center-system").center("tokyo");
    public static final TestTokens.Builder ADMIN = TestTokens.user("tsunagu-admin").roles("admin");

    static {
        // the callers are users of Keycloak's directory too, as in the realm (a team names them)
        TestDirectory.knows(TOKYO_SUPPORTER, TOKYO_SUPPORTER_2, TOKYO_SUPERVISOR, TOKYO_PEER, OSAKA_SUPERVISOR,
                OSAKA_SUPPORTER, CENTER_SYSTEM, ADMIN);
    }

    private CaseFixtures() {
    }

    public static Map<String, Object> openCase(String familyKana, String givenKana, String birthDate) {
        Map<String, Object> subject = new HashMap<>();
        subject.put("familyName", "佐藤");
        subject.put("givenName", "太郎");
        subject.put("familyNameKana", familyKana);
        subject.put("givenNameKana", givenKana);
        if (birthDate != null) {
            subject.put("birthDate", birthDate);
        }
        subject.put("gender", "MALE");
        subject.put("address", "東京都新宿区西新宿2-8-1");
        subject.put("withdrawalSince", "2019-04");
        subject.put("interests", List.of("鉄道模型", "ゲーム"));
        return Map.of(
                "intake", Map.of("receivedAt", "2026-11-20T10:00:00+09:00", "channel", "PHONE",
                        "consultant", Map.of("relation", "MOTHER", "name", "佐藤 花子"),
                        "summary", "息子が5年以上部屋から出てこない。夜間に物音。"),
                "subject", subject,
                "household", List.of(Map.of("relation", "MOTHER", "name", "佐藤 花子", "birthYear", 1958,
                        "health", "腰痛", "keyPerson", true, "relationshipWithSubject", "NEUTRAL")));
    }

    public static Map<String, Object> openCase() {
        return openCase("サトウ", "タロウ" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9a-f]", "ア"), "1990-05-01");
    }

    /** Opens a case as the given caller; answers the created case. */
    public static Response open(TestTokens.Builder caller, Map<String, Object> body) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(body)
                .when().post("/api/v1/cases");
    }

    public static String openAsTokyoSupporter() {
        return open(TOKYO_SUPPORTER, openCase()).then().statusCode(201).extract().path("id");
    }

    /**
     * A Tokyo case with its team: {@link #TOKYO_SUPPORTER} the primary, {@link #TOKYO_PEER} the
     * peer (set by the supervisor); answers its id.
     */
    public static String openWithSupporterAndPeer() {
        String id = openAsTokyoSupporter();
        given().auth().oauth2(TOKYO_SUPERVISOR.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER.subject(), "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER.subject(), "role", "PEER"))))
                .when().put("/api/v1/cases/" + id + "/team").then().statusCode(200);
        return id;
    }

    /**
     * The ten kinds of caller of the authorization matrices, in this order: team supporter,
     * supervisor, team peer, off-team supporter, off-team peer, Osaka supervisor, Osaka supporter,
     * partner agency, center system, admin ("team": of {@link #openWithSupporterAndPeer()}'s case).
     */
    public static AuthorizationMatrix everyKindOfCaller() {
        return new AuthorizationMatrix()
                .caller("team supporter", TOKYO_SUPPORTER)
                .caller("supervisor", TOKYO_SUPERVISOR)
                .caller("team peer", TOKYO_PEER)
                .caller("off-team supporter", TestTokens.user("tokyo-off-team").roles("supporter").center("tokyo"))
                .caller("off-team peer", TestTokens.user("tokyo-peer-2").roles("peer-supporter").center("tokyo"))
                .caller("osaka supervisor", OSAKA_SUPERVISOR)
                .caller("osaka supporter", OSAKA_SUPPORTER)
                .caller("partner agency", PARTNER)
                .caller("center system", CENTER_SYSTEM)
                .caller("admin", ADMIN);
    }
}
