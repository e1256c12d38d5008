package jp.tsunagu.system;

import jp.tsunagu.system.MatrixFixtures.Side;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static java.util.Map.entry;

/**
 * A valid body per operationId, for the objects of one side and the user who sends it. An
 * operation that takes a body and is missing here has none: the tests using this table fail on
 * it, so a new operation cannot be passed over.
 */
public final class ValidBodies {

    private static final AtomicInteger AGENCIES = new AtomicInteger();

    private static final Map<String, Object> OPEN_CASE = Map.of(
            "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                    "consultant", Map.of("relation", "MOTHER")),
            "subject", Map.of("familyName", "森", "givenName", "蓮", "familyNameKana", "モリ", "givenNameKana", "レン",
                    "withdrawalSince", "2019-04"));

    private static final Map<String, BiFunction<Side, String, Object>> BODIES = Map.ofEntries(
            entry("openCase", (s, u) -> OPEN_CASE),
            entry("openCaseFromInquiry", (s, u) -> OPEN_CASE),
            entry("updateCase", (s, u) -> Map.of("subject", Map.of("interests", List.of("読書")))),
            entry("recordAssessment", (s, u) -> Map.of("assessedOn", "2026-10-10", "withdrawalDegree", "STAYS_HOME",
                    "mentalState", Map.of("suspectedUntreatedIllness", false), "familyCapacity", Map.of("level", "ADEQUATE"),
                    "crisisUrgency", "NONE")),
            entry("closeCase", (s, u) -> Map.of("reason", "支援終結")),
            entry("reopenCase", (s, u) -> Map.of("reason", "再開")),
            entry("raiseConcern", (s, u) -> Map.of("kind", "TROUBLE", "category", "MONEY", "raisedBy", "FAMILY")),
            entry("updateConcern", (s, u) -> Map.of("status", "IN_PROGRESS")),
            entry("recordConference", (s, u) -> Map.of("heldOn", "2026-10-11", "attendees", Map.of("userIds", List.of(u)))),
            entry("recordConsultation", (s, u) -> Map.of("occurredAt", "2026-10-12T10:00:00+09:00", "channel", "PHONE",
                    "with", "FAMILY", "relation", "MOTHER")),
            entry("correctConsultation", (s, u) -> Map.of("durationMinutes", 30)),
            entry("reportCrisis", (s, u) -> Map.of("occurredAt", "2026-10-13T22:00:00+09:00", "kinds", List.of("SELF_HARM"),
                    "actions", List.of("AMBULANCE"))),
            entry("setCrisisPlan", (s, u) -> Map.of("contacts", List.of(Map.of("name", "保健所", "phone", "03-0000-0000")),
                    "instructions", "まず電話")),
            entry("endHomeVisits", (s, u) -> Map.of("reason", "EMPLOYED")),
            entry("recordMilestone", (s, u) -> Map.of("kind", "ACCEPTED_VISITS", "reachedOn", "2026-10-14")),
            entry("changePhase", (s, u) -> Map.of("to", "ENVIRONMENT", "reason", "家族支援へ")),
            entry("revisePlan", (s, u) -> Map.of("goal", "外とつながる", "reason", "見直し")),
            entry("assignTeam", (s, u) -> Map.of("members", s.team().stream().map(member -> Map.of(
                    "kind", member.equals(MatrixFixtures.TOKYO_PEER) ? "PEER_SUPPORTER" : "STAFF", "userId", member,
                    "role", member.equals(MatrixFixtures.TOKYO_PEER) ? "PEER"
                            : member.equals(MatrixFixtures.TOKYO_SUPPORTER_1) || member.equals(MatrixFixtures.OSAKA_SUPPORTER)
                            ? "PRIMARY" : "SECONDARY")).toList())),
            entry("recordInquiry", (s, u) -> Map.of("occurredAt", "2026-10-15T10:00:00+09:00", "channel", "PHONE", "relation", "MOTHER",
                    "with", "FAMILY", "topics", List.of("HOW_TO_RESPOND"))),
            entry("setVisitPlan", (s, u) -> Map.of("intervalDays", 14)),
            entry("recordVisit", (s, u) -> Map.of("caseId", s.id("case"), "kind", "HOME",
                    "occurredAt", "2026-10-16T10:00:00+09:00", "outcome", "NOT_MET", "visitors", List.of(Map.of("userId", u,
                            "role", u.equals(MatrixFixtures.TOKYO_PEER) ? "PEER_SUPPORTER" : "STAFF")))),
            entry("correctVisit", (s, u) -> Map.of("durationMinutes", 45)),
            entry("addAgency", (s, u) -> Map.of("id", "matrix-agency-" + AGENCIES.incrementAndGet() + "-" + System.nanoTime(),
                    "name", "マトリクス", "description", "システムテスト用", "kind", "OTHER", "municipality", "新宿区")),
            entry("updateAgency", (s, u) -> Map.of("notes", "マトリクス")),
            entry("recordConsent", (s, u) -> Map.of("grantedBy", "FAMILY", "agencyIds", List.of(s.agency()),
                    "purposes", List.of("CONSULTATION"), "method", "VERBAL", "grantedOn", "2026-10-01")),
            entry("referToCenter", (s, u) -> Map.of("centerId", s.center(), "reasons", List.of("WELFARE_NEED"),
                    "urgency", "ROUTINE", "sharedSummary", "近隣からの相談", "contactPerson", Map.of("name", "母"),
                    "concern", "外出していない", "consentHeld", true, "doNotContactDirectly", false)),
            entry("addPartnerReferralNote", (s, u) -> Map.of("text", "受け取りました")),
            entry("movePartnerReferral", (s, u) -> Map.of("status", "ACCEPTED")),
            entry("createReferral", (s, u) -> Map.of("caseId", s.id("case"), "agencyId", s.agency(), "purpose", "BACKUP",
                    "reasons", List.of("OTHER"), "urgency", "ROUTINE", "sharedSummary", "同行訪問の依頼",
                    "legalBasis", "CONSENT", "consentId", s.id("consent"))),
            entry("enterAgencyAnswer", (s, u) -> Map.of("channel", "PHONE", "status", "ACCEPTED")),
            entry("cancelReferral", (s, u) -> Map.of("reason", Map.of("code", "NO_LONGER_NEEDED"))),
            entry("addReferralNote", (s, u) -> Map.of("text", "電話で確認")),
            entry("moveReferral", (s, u) -> Map.of("status", "ENTERED_IN_ERROR", "reason", Map.of("code", "DUPLICATE"))),
            entry("setPreferences", (s, u) -> Map.of("quietHours", Map.of("start", "22:00", "end", "07:00"))));

    /** Operations whose body names objects, and which: they are checked like path ids. */
    public static final Map<String, List<String>> OBJECTS_IN_BODY = Map.of(
            "recordVisit", List.of("case"),
            "createReferral", List.of("case", "consent"));

    private ValidBodies() {
    }

    public static Optional<Object> of(String operationId, Side side, String userId) {
        return Optional.ofNullable(BODIES.get(operationId)).map(body -> body.apply(side, userId));
    }
}
