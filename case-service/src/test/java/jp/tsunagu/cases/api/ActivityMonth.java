package jp.tsunagu.cases.api;

import io.restassured.specification.RequestSpecification;
import jp.tsunagu.events.referrals.AgencyKind;
import jp.tsunagu.events.referrals.LegalBasis;
import jp.tsunagu.events.referrals.ReferralPurpose;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralRequested;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.events.visits.NextVisitConsent;
import jp.tsunagu.events.visits.VisitKind;
import jp.tsunagu.events.visits.VisitOutcome;
import jp.tsunagu.events.visits.VisitRecorded;
import jp.tsunagu.events.visits.Visitor;
import jp.tsunagu.events.visits.VisitorRole;
import jp.tsunagu.testkit.EventPublisher;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acts of a month of a center's work for {@link ActivityReportTest}, each at a Tokyo time:
 * through case-service's API with the application's clock set to that time, or published to Kafka
 * as visit-service and referral-service publish them (then {@link #awaitLearned} waits until
 * case-service has learned every one). Times are written {@code 2026-06-01T09:00}, Tokyo.
 */
final class ActivityMonth {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final MovableClock clock;
    /** What case-service must have learned, per case: each visit at its last revision, each referral. */
    private final Map<UUID, Map<UUID, Integer>> visits = new HashMap<>();
    private final Map<UUID, List<UUID>> referrals = new HashMap<>();
    /** Who may read each case's timeline: a supervisor of its center. */
    private final Map<UUID, TestTokens.Builder> readers = new HashMap<>();

    ActivityMonth(MovableClock clock) {
        this.clock = clock;
    }

    static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    static RequestSpecification as(TestTokens.Builder caller) {
        return given().auth().oauth2(caller.token());
    }

    /** Opens a case; only what the report counts of the subject varies. */
    UUID open(TestTokens.Builder caller, String at, String channel, String birthDate, Integer birthYear, String since) {
        clock.set(tokyo(at));
        return UUID.fromString(as(caller).contentType("application/json").body(caseBody(channel, birthDate, birthYear, since))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id"));
    }

    /** Opens a case from an inquiry. */
    UUID openFromInquiry(TestTokens.Builder caller, String at, UUID inquiryId, String channel, Integer birthYear,
                         String since) {
        clock.set(tokyo(at));
        return UUID.fromString(as(caller).contentType("application/json").body(caseBody(channel, null, birthYear, since))
                .when().post("/api/v1/inquiries/" + inquiryId + "/case").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> caseBody(String channel, String birthDate, Integer birthYear, String since) {
        Map<String, Object> subject = new HashMap<>(Map.of("familyName", "山田", "givenName", "一郎",
                "familyNameKana", "ヤマダ", "givenNameKana", "イチロウ", "withdrawalSince", since));
        if (birthDate != null) {
            subject.put("birthDate", birthDate);
        }
        if (birthYear != null) {
            subject.put("birthYear", birthYear);
        }
        return Map.of("subject", subject, "intake", Map.of("receivedAt", "2026-01-05T10:00:00+09:00",
                "channel", channel, "consultant", Map.of("relation", "MOTHER")));
    }

    void close(TestTokens.Builder caller, String at, UUID caseId) {
        lifecycle(caller, at, caseId, "closure", Map.of("reason", "検討の結果"));
    }

    void reopen(TestTokens.Builder caller, String at, UUID caseId) {
        lifecycle(caller, at, caseId, "reopening", Map.of("reason", "再度の相談"));
    }

    void endHomeVisits(TestTokens.Builder caller, String at, UUID caseId, String reason) {
        lifecycle(caller, at, caseId, "home-visit-end", Map.of("reason", reason));
    }

    private void lifecycle(TestTokens.Builder caller, String at, UUID caseId, String act, Map<String, Object> body) {
        clock.set(tokyo(at));
        as(caller).contentType("application/json").body(body)
                .when().post("/api/v1/cases/" + caseId + "/" + act).then().statusCode(200);
    }

    /** A consultation of a case that took place at {@code at}; {@code relation} only with the family. */
    UUID consultation(TestTokens.Builder caller, UUID caseId, String at, String channel, String with, String relation) {
        Map<String, Object> body = new HashMap<>(Map.of("occurredAt", offset(at), "channel", channel, "with", with,
                "durationMinutes", 30, "topics", List.of("HOW_TO_RESPOND")));
        if (relation != null) {
            body.put("relation", relation);
        }
        return UUID.fromString(as(caller).contentType("application/json").body(body)
                .when().post("/api/v1/cases/" + caseId + "/consultations").then().statusCode(201).extract().path("id"));
    }

    /** Corrects a consultation at its first version (a merge patch). */
    void correctConsultation(TestTokens.Builder caller, UUID caseId, UUID consultationId, Map<String, Object> patch) {
        as(caller).contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(patch)
                .when().patch("/api/v1/cases/" + caseId + "/consultations/" + consultationId).then().statusCode(200);
    }

    /** An inquiry without a case; {@code null} for what the caller did not say. */
    UUID inquiry(TestTokens.Builder caller, String at, String channel, String with, String relation, String ageBand,
                 String referredTo) {
        Map<String, Object> body = new HashMap<>(Map.of("occurredAt", offset(at), "channel", channel, "with", with,
                "topics", List.of("HOW_TO_RESPOND")));
        if (relation != null) {
            body.put("relation", relation);
        }
        if (ageBand != null) {
            body.put("ageBand", ageBand);
        }
        if (referredTo != null) {
            body.put("referredTo", referredTo);
        }
        return UUID.fromString(as(caller).contentType("application/json").body(body).when().post("/api/v1/inquiries")
                .then().statusCode(201).extract().path("id"));
    }

    private static String offset(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toOffsetDateTime().toString();
    }

    /** Visits of a case of the reader's center, one at each time. */
    void visits(TestTokens.Builder reader, UUID caseId, VisitKind kind, VisitOutcome outcome, String... at) {
        for (String when : at) {
            visit(reader, caseId, kind, outcome, when);
        }
    }

    UUID visit(TestTokens.Builder reader, UUID caseId, VisitKind kind, VisitOutcome outcome, String at) {
        UUID visitId = UUID.randomUUID();
        publishVisit(reader, visitId, caseId, kind, outcome, at, 1);
        return visitId;
    }

    /** The visit's record corrected (revision 2): its line is replaced. */
    void correctVisit(TestTokens.Builder reader, UUID visitId, UUID caseId, VisitKind kind, VisitOutcome outcome, String at) {
        publishVisit(reader, visitId, caseId, kind, outcome, at, 2);
    }

    private void publishVisit(TestTokens.Builder reader, UUID visitId, UUID caseId, VisitKind kind, VisitOutcome outcome,
                              String at, int revision) {
        String visitor = UUID.randomUUID().toString();
        EventPublisher.publish(new VisitRecorded(visitId, caseId, reader.center().orElseThrow(), revision, kind, tokyo(at), 30,
                outcome, List.of(), List.of(new Visitor(visitor, VisitorRole.STAFF)), null, null, NextVisitConsent.NOT_ASKED,
                null, visitor, tokyo(at)));
        visits.computeIfAbsent(caseId, c -> new HashMap<>()).put(visitId, revision);
        readers.put(caseId, reader);
    }

    /** A referral of a case of the reader's center to an agency of that kind. */
    void refer(TestTokens.Builder reader, UUID caseId, AgencyKind kind, String at) {
        UUID referralId = UUID.randomUUID();
        EventPublisher.publish(new ReferralRequested(referralId, caseId, reader.center().orElseThrow(), "agency-" + kind, kind,
                ReferralPurpose.BACKUP, Set.of(ReferralReason.WELFARE_NEED), ReferralUrgency.ROUTINE, LegalBasis.VITAL_INTEREST,
                null, tokyo(at).plus(Duration.ofDays(7)), tokyo(at), "someone"));
        referrals.computeIfAbsent(caseId, c -> new ArrayList<>()).add(referralId);
        readers.put(caseId, reader);
    }

    /** Waits until every case's timeline shows each of its visits at its last revision and each of its referrals. */
    void awaitLearned() {
        readers.forEach((caseId, reader) -> await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> items = as(reader).queryParam("limit", 200)
                    .when().get("/api/v1/cases/" + caseId + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            Map<UUID, Integer> learnedVisits = new HashMap<>();
            List<UUID> learnedReferrals = new ArrayList<>();
            for (Map<String, Object> item : items) {
                if ("VISIT_RECORDED".equals(item.get("kind"))) {
                    Map<?, ?> attributes = (Map<?, ?>) item.get("attributes");
                    learnedVisits.put(UUID.fromString((String) item.get("refId")),
                            ((Number) attributes.get("revision")).intValue());
                } else if ("REFERRAL_REQUESTED".equals(item.get("kind"))) {
                    learnedReferrals.add(UUID.fromString((String) item.get("refId")));
                }
            }
            assertThat(learnedVisits).isEqualTo(visits.getOrDefault(caseId, Map.of()));
            assertThat(learnedReferrals).containsExactlyInAnyOrderElementsOf(referrals.getOrDefault(caseId, List.of()));
        }));
    }
}
