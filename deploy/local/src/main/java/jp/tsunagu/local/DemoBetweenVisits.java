package jp.tsunagu.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work between the visits of a demo case, as the booklet tells it: the family's consultations
 * at the center and by phone for months before anyone meets the person, more after the first visit,
 * and, once the person has been met, a case conference (事例検討会) that revises the plan.
 */
final class DemoBetweenVisits {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final ApiClient api;

    DemoBetweenVisits(ApiClient api) {
        this.api = api;
    }

    /**
     * @param relation   who in the family first consulted (MOTHER, FATHER)
     * @param firstVisit when home visits began; {@code null} when they have not
     * @param met        whether the person has been met (a conference then reviews the case)
     * @param attendee   the staff user at the conference
     * @param agencies   the partner agencies at the conference; without any (Osaka's), the conference
     *                   was long ago and its review date has passed: the case is due for review
     */
    void load(String token, String caseId, String relation, Instant firstVisit, boolean met, String attendee,
              List<String> agencies) {
        String path = "/api/v1/cases/" + caseId;
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // before the first letter at the door (120 or 150 days ago), after the intake (April 2026)
        consultation(token, path, now.minus(Duration.ofDays(200)), "CENTER_VISIT", relation, 60,
                List.of("HOW_TO_RESPOND", "FAMILY_RELATIONS"), "母親が来所。本人への声かけの仕方を一緒に考えた。");
        consultation(token, path, now.minus(Duration.ofDays(160)), "PHONE", relation, 20,
                List.of("HOME_VISIT_PROPOSAL"), "訪問の提案の仕方について電話で相談。手紙を渡すことにした。");
        if (firstVisit != null) {
            consultation(token, path, firstVisit.plus(Duration.ofDays(10)), "PHONE", relation, 15, List.of("HOW_TO_RESPOND"),
                    "訪問後の本人の様子を聞いた。部屋から物音がしていたとのこと。");
        }
        if (met) {
            LocalDate today = LocalDate.now(TOKYO);
            boolean reviewPassed = agencies.isEmpty();
            api.call(token, "POST", Service.CASE, path + "/conferences", Map.of(
                    "heldOn", today.minusDays(reviewPassed ? 100 : 7).toString(),
                    "attendees", Map.of("userIds", List.of(attendee), "agencyIds", agencies),
                    "subjectNeeds", "訪問を楽しみにしている様子。外に出るきっかけを求めている",
                    "familyNeeds", "親の高齢化で将来への不安が強い",
                    "decisions", "訪問を週1回に増やし、次回は居場所の見学を提案する",
                    "nextReviewOn", (reviewPassed ? today.minusDays(10) : today.plusMonths(3)).toString(),
                    "plan", Map.of(
                            "goal", "本人が家族以外の人と定期的に会える",
                            "prospect", "3か月で週1回の訪問を定着させ、居場所の見学につなげる",
                            "homeVisitRole", "本人の関心から外出のきっかけをつくる",
                            "subjectNeeds", "外に出るきっかけと、安心して話せる相手",
                            "familyNeeds", "将来の生活設計の相談",
                            "reason", "事例検討会での見直し")), Map.of(), 201);
        }
    }

    private void consultation(String token, String path, Instant at, String channel, String relation, int minutes,
                              List<String> topics, String notes) {
        Map<String, Object> body = new HashMap<>(Map.of("occurredAt", at.toString(), "channel", channel,
                "with", "FAMILY", "relation", relation, "durationMinutes", minutes, "topics", topics, "notes", notes));
        api.call(token, "POST", Service.CASE, path + "/consultations", body, Map.of(), 201);
    }

    /**
     * Anonymous inquiries of a center that never became a case (yet): loaded where the center has
     * none. Answers how many were recorded.
     */
    int inquiriesWhereNone(String center) {
        String supporter = api.login(center.equals("tokyo") ? "tokyo-supporter-1" : "osaka-supporter");
        if (api.call(supporter, "GET", Service.CASE, "/api/v1/inquiries?limit=1", null, Map.of(), 200)
                .get("items").size() > 0) {
            return 0;
        }
        Instant now = Instant.now();
        api.call(supporter, "POST", Service.CASE, "/api/v1/inquiries", Map.of(
                "occurredAt", now.minus(Duration.ofDays(20)).toString(), "channel", "PHONE", "with", "FAMILY",
                "relation", "MOTHER", "ageBand", "AGE_30_TO_39", "gender", "MALE",
                "topics", List.of("HOW_TO_RESPOND")), Map.of(), 201);
        api.call(supporter, "POST", Service.CASE, "/api/v1/inquiries", Map.of(
                "occurredAt", now.minus(Duration.ofDays(6)).toString(), "channel", "EMAIL", "with", "OTHER",
                "topics", List.of("WORK_OR_SCHOOL"), "referredTo", "EMPLOYMENT_SUPPORT"), Map.of(), 201);
        return 2;
    }
}
