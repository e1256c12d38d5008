package jp.tsunagu.referrals.api.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.tsunagu.events.referrals.ReferralReason;
import jp.tsunagu.events.referrals.ReferralUrgency;
import jp.tsunagu.platform.time.Tokyo;
import jp.tsunagu.testkit.MovableClock;
import jp.tsunagu.referrals.domain.Agency;
import jp.tsunagu.referrals.domain.InboundDetails;
import jp.tsunagu.referrals.domain.Referral;
import jp.tsunagu.testkit.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static jp.tsunagu.referrals.DirectoryFixtures.as;
import static jp.tsunagu.referrals.WatchFixtures.agency;
import static jp.tsunagu.referrals.WatchFixtures.answerByPhone;
import static jp.tsunagu.referrals.WatchFixtures.caseIn;
import static jp.tsunagu.referrals.WatchFixtures.newCenter;
import static jp.tsunagu.referrals.WatchFixtures.refer;
import static jp.tsunagu.referrals.WatchFixtures.supervisorOf;
import static jp.tsunagu.referrals.WatchFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * GET /stats: a center's referrals counted per agency and overall, with the minutes each step took,
 * exactly, and nothing of another center. The referrals are made and answered through the center's
 * API at moments set on the application's clock; the agency's first read, which only the partner
 * API records, and inbound referrals, which only agencies send, are written directly.
 */
@QuarkusTest
class ReferralStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource database;
    @Inject
    EntityManager em;

    @Test
    void countsEachAgencysAnswersAndTimesForTheCallersCenterOnly() throws IOException {
        String center = newCenter("stats");
        TestTokens.Builder supervisor = supervisorOf(center);
        TestTokens.Builder system = TestTokens.user("system-of-" + center).roles("center-system").center(center);
        String otherCenter = newCenter("stats-other");
        TestTokens.Builder otherSupervisor = supervisorOf(otherCenter);
        UUID caseId = caseIn(database, center, supervisor);
        UUID otherCase = caseIn(database, otherCenter, otherSupervisor);
        String a = agency("PUBLIC_HEALTH_CENTER");
        String b = agency("HOSPITAL");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        // sent 400 days ago, and cancelled: outside the default period
        MovableClock clock = MovableClock.installedAt(t0.minus(Duration.ofDays(400)));
        String old = refer(supervisor, caseId, a, "BACKUP", null);
        clock.advance(Duration.ofMinutes(1));
        cancel(supervisor, old);

        clock.set(t0);
        String r1 = refer(supervisor, caseId, a, "BACKUP", null);
        String r2 = refer(supervisor, caseId, a, "BACKUP", null);
        String r3 = refer(supervisor, caseId, a, "CONSULTATION", null);
        String r4 = refer(supervisor, caseId, a, "CONSULTATION", null);
        String r5 = refer(supervisor, caseId, b, "CRISIS_INTERVENTION", null);
        String r6 = refer(supervisor, caseId, b, "BACKUP", null);
        String r7 = refer(supervisor, caseId, b, "BACKUP", null);
        String inError = refer(supervisor, caseId, a, "TRANSFER", null);
        draft(supervisor, caseId, a);
        String elsewhere = refer(otherSupervisor, otherCase, a, "BACKUP", null);
        inbound(center, a, t0, caseId);
        inbound(center, b, t0, null);
        inbound(otherCenter, a, t0, null);
        firstRead(r1, t0.plus(Duration.ofMinutes(10)));
        firstRead(r2, t0.plus(Duration.ofMinutes(20)));
        firstRead(inError, t0.plus(Duration.ofMinutes(5)));
        firstRead(elsewhere, t0.plus(Duration.ofMinutes(1)));

        at(clock, t0, 1, () -> as(supervisor).body(Map.of("status", "ENTERED_IN_ERROR"))
                .when().post("/api/v1/referrals/" + inError + "/status").then().statusCode(200));
        at(clock, t0, 15, () -> answerByPhone(supervisor, r5, "REJECTED", "NOT_ELIGIBLE", null));
        at(clock, t0, 20, () -> cancel(supervisor, r6));
        at(clock, t0, 30, () -> answerByPhone(supervisor, r1, "ACCEPTED", null, null));
        at(clock, t0, 45, () -> answerByPhone(supervisor, r7, "ACCEPTED", null, null));
        at(clock, t0, 60, () -> answerByPhone(supervisor, r3, "REJECTED", "NO_CAPACITY", null));
        at(clock, t0, 90, () -> answerByPhone(supervisor, r2, "ACCEPTED", null, null));
        at(clock, t0, 90, () -> answerByPhone(otherSupervisor, elsewhere, "ACCEPTED", null, null));
        at(clock, t0, 120, () -> answerByPhone(supervisor, r4, "REJECTED", "OUTSIDE_SERVICE_AREA", null));
        at(clock, t0, 300, () -> answerByPhone(supervisor, r7, "FAILED", "UNABLE_TO_CONTACT", null));
        at(clock, t0, 600, () -> answerByPhone(supervisor, r1, "COMPLETED", null, "SERVICE_STARTED"));

        String body = as(system).when().get("/api/v1/stats").then().statusCode(200)
                .body(not(containsString(caseId.toString()))).body(not(containsString(r1)))
                .body(not(containsString("30代男性"))).extract().asString();
        JsonNode stats = JSON.readTree(body);
        LocalDate today = Tokyo.day(t0.plus(Duration.ofMinutes(600)));
        assertThat(stats.get("to").asText()).isEqualTo(today.toString());
        assertThat(stats.get("from").asText()).isEqualTo(today.minusDays(364).toString());
        assertThat(stats.get("agencies")).hasSize(2);

        JsonNode ofA = agencyIn(stats, a);
        assertThat(ofA.get("agencyKind").asText()).isEqualTo("PUBLIC_HEALTH_CENTER");
        assertThat(counts(ofA)).containsExactly(4L, 2L, 2L, 1L, 0L, 0L);
        assertThat(minutes(ofA.get("toFirstView"))).containsExactly(2.0, 15.0, 19.0);
        assertThat(minutes(ofA.get("toAnswer"))).containsExactly(4.0, 75.0, 111.0);
        assertThat(minutes(ofA.get("toCompletion"))).containsExactly(1.0, 600.0, 600.0);
        assertThat(JSON.convertValue(ofA.get("rejectionReasons"), Map.class))
                .isEqualTo(Map.of("NO_CAPACITY", 1, "OUTSIDE_SERVICE_AREA", 1));

        JsonNode ofB = agencyIn(stats, b);
        assertThat(ofB.get("agencyKind").asText()).isEqualTo("HOSPITAL");
        assertThat(counts(ofB)).containsExactly(3L, 1L, 1L, 0L, 1L, 1L);
        assertThat(minutes(ofB.get("toFirstView"))).containsExactly(0.0, null, null);
        assertThat(minutes(ofB.get("toAnswer"))).containsExactly(2.0, 30.0, 42.0);
        assertThat(minutes(ofB.get("toCompletion"))).containsExactly(0.0, null, null);
        assertThat(JSON.convertValue(ofB.get("rejectionReasons"), Map.class)).isEqualTo(Map.of("NOT_ELIGIBLE", 1));

        assertThat(JSON.convertValue(stats.get("byStatus"), Map.class)).isEqualTo(Map.of("COMPLETED", 1, "ACCEPTED", 1,
                "REJECTED", 3, "CANCELLED", 1, "FAILED", 1, "ENTERED_IN_ERROR", 1));
        assertThat(JSON.convertValue(stats.get("byPurpose"), Map.class)).isEqualTo(Map.of("BACKUP", 4, "CONSULTATION", 2,
                "CRISIS_INTERVENTION", 1));
        assertThat(JSON.convertValue(stats.get("inbound"), Map.class)).isEqualTo(Map.of("received", 2, "openedAsCase", 1));

        // a supervisor of the center reads the same; the other center's own figures hold only its own referral
        assertThat(JSON.readTree(as(supervisor).when().get("/api/v1/stats").then().statusCode(200).extract().asString()))
                .isEqualTo(stats);
        JsonNode theirs = JSON.readTree(as(otherSupervisor).when().get("/api/v1/stats").then().statusCode(200)
                .extract().asString());
        assertThat(theirs.get("agencies")).hasSize(1);
        assertThat(counts(agencyIn(theirs, a))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L);
        assertThat(minutes(agencyIn(theirs, a).get("toFirstView"))).containsExactly(1.0, 1.0, 1.0);
        assertThat(minutes(agencyIn(theirs, a).get("toAnswer"))).containsExactly(1.0, 90.0, 90.0);
        assertThat(JSON.convertValue(theirs.get("byStatus"), Map.class)).isEqualTo(Map.of("ACCEPTED", 1));
        assertThat(JSON.convertValue(theirs.get("inbound"), Map.class)).isEqualTo(Map.of("received", 1, "openedAsCase", 0));
    }

    @Test
    void aPeriodCountsWhatWasSentWithinItsTokyoDays() throws IOException {
        String center = newCenter("stats-period");
        TestTokens.Builder supervisor = supervisorOf(center);
        UUID caseId = caseIn(database, center, supervisor);
        String a = agency("WELFARE_OFFICE");
        // 23:59:30 and 00:00:30 of two Tokyo days, a month ago
        LocalDate day = Tokyo.day(Instant.now()).minusDays(30);
        Instant lateOnTheDay = Tokyo.startOf(day.plusDays(1)).minusSeconds(30);
        MovableClock clock = MovableClock.installedAt(lateOnTheDay);
        refer(supervisor, caseId, a, "BACKUP", null);
        clock.set(lateOnTheDay.plusSeconds(60));
        refer(supervisor, caseId, a, "CONSULTATION", null);

        JsonNode first = JSON.readTree(as(supervisor).queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get("/api/v1/stats").then().statusCode(200).extract().asString());
        assertThat(counts(agencyIn(first, a))).containsExactly(1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(JSON.convertValue(first.get("byPurpose"), Map.class)).isEqualTo(Map.of("BACKUP", 1));
        assertThat(JSON.convertValue(first.get("byStatus"), Map.class)).isEqualTo(Map.of("REQUESTED", 1));

        JsonNode both = JSON.readTree(as(supervisor).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(1).toString()).when().get("/api/v1/stats").then().statusCode(200)
                .extract().asString());
        assertThat(counts(agencyIn(both, a))).containsExactly(2L, 0L, 0L, 0L, 0L, 0L);
        assertThat(minutes(agencyIn(both, a).get("toAnswer"))).containsExactly(0.0, null, null);

        JsonNode before = JSON.readTree(as(supervisor).queryParam("from", day.minusDays(10).toString())
                .queryParam("to", day.minusDays(1).toString()).when().get("/api/v1/stats").then().statusCode(200)
                .extract().asString());
        assertThat(before.get("agencies")).isEmpty();
        assertThat(before.get("byStatus").size()).isZero();
        assertThat(JSON.convertValue(before.get("inbound"), Map.class)).isEqualTo(Map.of("received", 0, "openedAsCase", 0));

        // from alone: 365 days from it
        as(supervisor).queryParam("from", day.toString()).when().get("/api/v1/stats").then().statusCode(200)
                .body("to", org.hamcrest.Matchers.equalTo(day.plusDays(364).toString()));
    }

    @Test
    void aPeriodEndingBeforeItStartsOrLongerThanFiveYearsIsABadRequest() {
        String center = newCenter("stats-bad");
        TestTokens.Builder supervisor = supervisorOf(center);
        as(supervisor).queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").when().get("/api/v1/stats")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
        as(supervisor).queryParam("from", "2020-01-01").queryParam("to", "2025-01-02").when().get("/api/v1/stats")
                .then().statusCode(400);
        as(supervisor).queryParam("from", "2020-01-01").queryParam("to", "2025-01-01").when().get("/api/v1/stats")
                .then().statusCode(200);
    }

    /** Runs the act with the clock at {@code minutes} after {@code t0}. */
    private static void at(MovableClock clock, Instant t0, int minutes, Runnable act) {
        clock.set(t0.plus(Duration.ofMinutes(minutes)));
        act.run();
    }

    private static void cancel(TestTokens.Builder caller, String referralId) {
        as(caller).body(Map.of("reason", Map.of("code", "NO_LONGER_NEEDED", "text", "家族が別の窓口につながった")))
                .when().post("/api/v1/referrals/" + referralId + "/cancellation").then().statusCode(200);
    }

    private static void draft(TestTokens.Builder caller, UUID caseId, String agencyId) {
        Map<String, Object> body = new HashMap<>(Map.of("caseId", caseId.toString(), "agencyId", agencyId, "purpose", "BACKUP",
                "reasons", List.of("WELFARE_NEED"), "urgency", "ROUTINE", "sharedSummary", "下書き",
                "legalBasis", "VITAL_INTEREST", "justification", "急を要する", "draft", true));
        as(caller).body(body).when().post("/api/v1/referrals").then().statusCode(201);
    }

    /** The agency's first read, as the partner API records it. */
    private void firstRead(String referralId, Instant at) {
        assertThat(update(database, "update referral set first_viewed_at = ? where id = ?",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), UUID.fromString(referralId))).isEqualTo(1);
    }

    /** An inbound referral from the agency to the center, received at {@code at}; {@code caseId}: the case opened from it. */
    private void inbound(String center, String agencyId, Instant at, UUID caseId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Referral referral = Referral.inbound(center, em.find(Agency.class, agencyId), Set.of(ReferralReason.WELFARE_NEED),
                    ReferralUrgency.ROUTINE, "生活保護の相談から、長期のひきこもりが分かった",
                    new InboundDetails(new InboundDetails.ContactPerson("相談者", "MOTHER", null), "外出しない", true, true),
                    "service-account-agency-" + agencyId, at);
            referral.caseId = caseId;
            em.persist(referral);
        });
    }

    private static JsonNode agencyIn(JsonNode stats, String agencyId) {
        for (JsonNode agency : stats.get("agencies")) {
            if (agency.get("agencyId").asText().equals(agencyId)) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + agencyId + " in " + stats);
    }

    /** requested, accepted, rejected, completed, cancelled, failed. */
    private static List<Long> counts(JsonNode agency) {
        return List.of("requested", "accepted", "rejected", "completed", "cancelled", "failed").stream()
                .map(name -> agency.get(name).asLong()).toList();
    }

    /** measured, median, p90 (null when absent). */
    private static List<Double> minutes(JsonNode minutes) {
        return java.util.Arrays.asList(minutes.get("measured").asDouble(), value(minutes.get("median")), value(minutes.get("p90")));
    }

    private static Double value(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
