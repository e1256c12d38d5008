package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.local.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Real objects of each side, made through the API: a case of the center (its team, a concern, a
 * consultation, a conference, plans, a crisis and so a crisis alert to the supervisor), an inquiry,
 * a visit plan and a visit, a consent and a referral to the side's agency. Tokyo's referral goes to
 * the health center, Osaka's to the police, so each agency has one referral that is its own and
 * one that is not.
 */
public final class MatrixFixtures {

    /** The users' ids of the demo realm (the tokens' {@code sub}). */
    public static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    public static final String TOKYO_SUPERVISOR = "1b0a4c1e-0003-4a6f-9a51-000000000003";
    public static final String TOKYO_PEER = "1b0a4c1e-0004-4a6f-9a51-000000000004";
    public static final String OSAKA_SUPPORTER = "1b0a4c1e-0005-4a6f-9a51-000000000005";
    public static final String OSAKA_SUPERVISOR = "1b0a4c1e-0006-4a6f-9a51-000000000006";

    /** What one side owns; {@code team} are the user ids on its case's team. */
    public record Side(String center, String agency, Set<String> team, String supervisor, Map<String, String> ids) {

        public String id(String kind) {
            String id = ids.get(kind);
            if (id == null) {
                throw new IllegalStateException("no fixture " + kind + " for " + center);
            }
            return id;
        }
    }

    /** The kinds of objects that belong to the case (and so to its team). */
    public static final Set<String> CASE_SCOPED = Set.of("case", "concern", "consultation", "conference", "visit",
            "consent", "referral");

    private MatrixFixtures() {
    }

    public static Side make(String center, String supporterName, String supervisorName, String supporterId,
                            String supervisorId, Set<String> team, String agency, String agencyKind) {
        String supporter = Logins.password(supporterName);
        String supervisor = Logins.password(supervisorName);
        Map<String, String> ids = new HashMap<>();
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String caseId = Api.expect(Api.json(Service.CASE, "POST", "/api/v1/cases", supporter, Map.of(
                "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                        "consultant", Map.of("relation", "MOTHER")),
                "subject", Map.of("familyName", "森", "givenName", "蓮", "familyNameKana", "モリ", "givenNameKana", "レン",
                        "withdrawalSince", "2019-04")), Map.of()), 201).path("id").asText();
        ids.put("case", caseId);
        String c = "/api/v1/cases/" + caseId;
        List<Map<String, String>> members = new ArrayList<>();
        for (String user : team) {
            boolean peer = user.equals(TOKYO_PEER);
            members.add(Map.of("kind", peer ? "PEER_SUPPORTER" : "STAFF", "userId", user,
                    "role", peer ? "PEER" : user.equals(supporterId) ? "PRIMARY" : "SECONDARY"));
        }
        Api.expect(Api.json(Service.CASE, "PUT", c + "/team", supervisor, Map.of("members", members), Map.of("If-Match", "\"0\"")), 200);
        ids.put("concern", Api.expect(Api.json(Service.CASE, "POST", c + "/concerns", supporter, Map.of("kind", "WISH",
                "category", "HOBBY", "raisedBy", "SUBJECT"), Map.of()), 201).path("id").asText());
        ids.put("consultation", Api.expect(Api.json(Service.CASE, "POST", c + "/consultations", supporter, Map.of(
                "occurredAt", "2026-10-02T10:00:00+09:00", "channel", "PHONE", "with", "FAMILY", "relation", "MOTHER"),
                Map.of()), 201).path("id").asText());
        ids.put("conference", Api.expect(Api.json(Service.CASE, "POST", c + "/conferences", supervisor, Map.of(
                "heldOn", "2026-10-03", "attendees", Map.of("userIds", List.of(supporterId, supervisorId))), Map.of()), 201)
                .path("id").asText());
        Api.expect(Api.json(Service.CASE, "PUT", c + "/plan", supporter, Map.of("goal", "外とつながる", "reason", "初回"), Map.of()), 201);
        Api.expect(Api.json(Service.CASE, "PUT", c + "/crisis-plan", supporter, Map.of("contacts", List.of(Map.of(
                "name", "保健所", "phone", "03-0000-0000")), "instructions", "まず電話"), Map.of()), 201);
        Api.expect(Api.json(Service.CASE, "POST", c + "/crises", supporter, Map.of("occurredAt", "2026-10-04T22:00:00+09:00",
                "kinds", List.of("VIOLENCE"), "actions", List.of("POLICE")), Map.of()), 201);
        ids.put("inquiry", Api.expect(Api.json(Service.CASE, "POST", "/api/v1/inquiries", supporter, Map.of(
                "occurredAt", "2026-10-05T10:00:00+09:00", "channel", "PHONE", "with", "FAMILY", "relation", "MOTHER",
                "topics", List.of("HOW_TO_RESPOND")), Map.of()), 201).path("id").asText());

        // visit-service and referral-service learn of the case from its events
        AtomicReference<String> visit = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = Api.json(Service.VISIT, "PUT", c + "/visit-plan", supporter, Map.of("intervalDays", 14), Map.of());
            return answer.statusCode() == 201 || answer.statusCode() == 200;
        });
        visit.set(Api.expect(Api.json(Service.VISIT, "POST", "/api/v1/visits", supporter, Map.of("caseId", caseId,
                "kind", "HOME", "occurredAt", "2026-10-06T10:00:00+09:00", "outcome", "MET_FAMILY_ONLY",
                "visitors", team.stream().map(u -> Map.of("userId", u,
                        "role", u.equals(TOKYO_PEER) ? "PEER_SUPPORTER" : "STAFF")).toList()), Map.of()), 201).path("id").asText());
        ids.put("visit", visit.get());
        AtomicReference<String> consent = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = Api.json(Service.REFERRAL, "POST", c + "/consents", supporter, Map.of("grantedBy", "FAMILY",
                    "agencyKinds", List.of(agencyKind), "purposes", List.of("BACKUP"), "method", "WRITTEN", "grantedOn", today),
                    Map.of());
            if (answer.statusCode() == 201) {
                consent.set(Api.JSON.readTree(answer.body()).path("id").asText());
            }
            return consent.get() != null;
        });
        ids.put("consent", consent.get());
        ids.put("referral", Api.expect(Api.json(Service.REFERRAL, "POST", "/api/v1/referrals", supporter, Map.of(
                "caseId", caseId, "agencyId", agency, "purpose", "BACKUP", "reasons", List.of("WELFARE_NEED"),
                "urgency", "ROUTINE", "sharedSummary", "同行訪問の依頼", "legalBasis", "CONSENT", "consentId", consent.get()),
                Map.of()), 201).path("id").asText());

        AtomicReference<String> notification = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = Api.expect(Api.json(Service.NOTIFICATION, "GET", "/api/v1/notifications?limit=200",
                    supervisor, null, Map.of()), 200).path("items");
            for (JsonNode item : items) {
                if (item.toString().contains(caseId)) {
                    notification.set(item.path("id").asText());
                }
            }
            return notification.get() != null;
        });
        ids.put("notification", notification.get());
        return new Side(center, agency, Set.copyOf(team), supervisorId, Map.copyOf(ids));
    }

    /** The demo realm's two agencies in the directory (the agencies' tokens carry these ids). */
    public static void directoryHasTheDemoAgencies() {
        String admin = Logins.password("tsunagu-admin");
        for (String[] agency : List.of(new String[] {"tokyo-health-center", "PUBLIC_HEALTH_CENTER"},
                new String[] {"tokyo-police", "POLICE"})) {
            if (Api.json(Service.REFERRAL, "GET", "/api/v1/agencies/" + agency[0], admin, null, Map.of()).statusCode() == 404) {
                Api.expect(Api.json(Service.REFERRAL, "POST", "/api/v1/agencies", admin, Map.of("id", agency[0],
                        "name", agency[0], "description", "システムテスト用", "kind", agency[1], "municipality", "新宿区",
                        "serviceArea", List.of("新宿区"), "capacity", Map.of("acceptingReferrals", true)), Map.of()), 201);
            }
        }
    }

    public static String unknownId() {
        return UUID.randomUUID().toString();
    }
}
