package jp.tsunagu.referrals;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testkit.TestTokens;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers and agency bodies the directory tests share. */
public final class DirectoryFixtures {

    public static final TestTokens.Builder ADMIN = TestTokens.user("r-admin").roles("admin");
    public static final TestTokens.Builder SUPPORTER = TestTokens.user("r-tokyo-supporter").roles("supporter").center("tokyo");
    public static final TestTokens.Builder SUPERVISOR = TestTokens.user("r-tokyo-supervisor").roles("supervisor").center("tokyo");
    public static final TestTokens.Builder PEER = TestTokens.user("r-tokyo-peer").roles("peer-supporter").center("tokyo");
    public static final TestTokens.Builder OSAKA_SUPERVISOR = TestTokens.user("r-osaka-supervisor").roles("supervisor").center("osaka");
    public static final TestTokens.Builder CENTER_SYSTEM = TestTokens.user("r-center-system").roles("center-system").center("tokyo");

    private DirectoryFixtures() {
    }

    public static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token()).contentType("application/json");
    }

    /** A partner agency's client-credentials token, as Keycloak's mapper makes it. */
    public static TestTokens.Builder partner(String agencyId) {
        return TestTokens.user("service-account-agency-" + agencyId).roles("partner-agency").agency(agencyId);
    }

    /** An id no other test uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Standard Webhooks secret of {@code bytes} random bytes. */
    public static String secret(int bytes) {
        byte[] key = new byte[bytes];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A whole agency body: a public health center of Shinjuku with two services. */
    public static Map<String, Object> agency(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "新宿区保健所");
        body.put("description", "精神保健福祉相談、保健師による訪問");
        body.put("kind", "PUBLIC_HEALTH_CENTER");
        body.put("municipality", "新宿区");
        body.put("email", "seishin@example.jp");
        body.put("website", "https://www.example.jp/hokenjo/");
        body.put("location", Map.of("name", "新宿区保健所 本所", "transportation", "都営大江戸線 若松河田駅 徒歩5分",
                "address", Map.of("postalCode", "162-0052", "prefecture", "東京都", "municipality", "新宿区",
                        "street", "戸山一丁目1番1号")));
        body.put("contact", Map.of("department", "保健予防課 精神保健係", "email", "seishin@example.jp",
                "phones", List.of(Map.of("number", "03-0000-0001", "kind", "VOICE", "description", "平日 8:30-17:15"),
                        Map.of("number", "03-0000-0002", "kind", "FAX"))));
        body.put("serviceArea", List.of("新宿区"));
        body.put("services", new ArrayList<>(List.of(
                Map.of("name", "精神保健福祉相談", "status", "ACTIVE", "eligibility", "区内在住の方とその家族",
                        "applicationProcess", "電話で予約"),
                Map.of("name", "保健師の訪問", "eligibility", "医療につながっていない方"))));
        body.put("capacity", Map.of("acceptingReferrals", true, "availableSlots", 3, "note", "訪問は2週間待ち"));
        body.put("notes", "FAXの前に電話を一本入れると早い");
        return body;
    }

    /** Creates the agency as admin; answers its version. */
    public static long create(Map<String, Object> body) {
        String etag = as(ADMIN).body(body).when().post("/api/v1/agencies").then().statusCode(201).extract().header("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }
}
