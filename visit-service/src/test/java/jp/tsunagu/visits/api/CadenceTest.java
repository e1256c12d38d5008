package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.EventReader;
import jp.tsunagu.visits.service.OverdueWatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.tsunagu.visits.VisitFixtures.SUPERVISOR;
import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.met;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The watch that nobody is forgotten: cadence per case, and overdue notices once per period. */
@QuarkusTest
class CadenceTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    OverdueWatch watch;

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void plan(String caseId, int intervalDays) {
        as(SUPPORTER).header("If-Match", "\"0\"").body(Map.of("intervalDays", intervalDays, "preferredTime", "平日午後",
                        "durationMinutes", 30, "preparedTopics", List.of("鉄道"), "proposalRoute", "LETTER_VIA_FAMILY"))
                .when().put("/api/v1/cases/" + caseId + "/visit-plan").then().statusCode(201);
    }

    private static Map<String, Object> cadenceOf(String caseId) {
        List<Map<String, Object>> items = as(SUPERVISOR).queryParam("limit", 200).when().get("/api/v1/cadence")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId"))).findFirst().orElseThrow();
    }

    @Test
    void notMetVisitsBuildAStreakAndAMeetingWithAnAgreedDateSetsTheDueDate() {
        String caseId = caseWithTeam(SUPPORTER);
        plan(caseId, 14);
        for (int days : List.of(40, 30, 20)) {
            as(SUPPORTER).body(notMet(caseId, SUPPORTER, daysAgo(days))).when().post("/api/v1/visits").then().statusCode(201);
        }
        Map<String, Object> afterLetters = cadenceOf(caseId);
        assertThat(afterLetters.get("notMetStreak")).isEqualTo(3);
        assertThat(afterLetters.get("lastMetOn")).isNull();
        assertThat(afterLetters.get("dueOn")).isEqualTo(LocalDate.ofInstant(daysAgo(20), TOKYO).plusDays(14).toString());
        assertThat(afterLetters.get("overdue")).isEqualTo(true);
        as(SUPERVISOR).queryParam("overdue", true).queryParam("limit", 200).when().get("/api/v1/cadence")
                .then().body("items.caseId", hasItem(caseId));

        Instant agreed = Instant.now().plus(5, ChronoUnit.DAYS);
        as(SUPPORTER).body(met(caseId, SUPPORTER, daysAgo(2), agreed)).when().post("/api/v1/visits").then().statusCode(201);
        Map<String, Object> afterMeeting = cadenceOf(caseId);
        assertThat(afterMeeting.get("notMetStreak")).isEqualTo(0);
        assertThat(afterMeeting.get("lastMetOn")).isEqualTo(LocalDate.ofInstant(daysAgo(2), TOKYO).toString());
        assertThat(afterMeeting.get("daysSinceLastMet")).isEqualTo(2);
        assertThat(afterMeeting.get("dueOn")).isEqualTo(LocalDate.ofInstant(agreed, TOKYO).toString());
        assertThat(afterMeeting.get("overdue")).isEqualTo(false);
        as(SUPERVISOR).queryParam("overdue", true).queryParam("limit", 200).when().get("/api/v1/cadence")
                .then().body("items.caseId", not(hasItem(caseId)));
    }

    @Test
    void visitsRecordedAtOnceOnANewCaseAllCountInItsCadence() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        plan(caseId, 7);
        int visits = 6;
        ExecutorService phones = Executors.newFixedThreadPool(visits);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < visits; i++) {
                Instant at = daysAgo(10 + i);
                posts.add(() -> as(SUPPORTER).body(notMet(caseId, SUPPORTER, at)).when().post("/api/v1/visits")
                        .then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> post : phones.invokeAll(posts)) {
                statuses.add(post.get());
            }
            assertThat(statuses).as("every visit recorded, none refused for the cadence's sake").containsOnly(201);
        } finally {
            phones.shutdownNow();
        }
        assertThat(cadenceOf(caseId).get("notMetStreak")).as("each visit counted, none lost to a concurrent one")
                .isEqualTo(visits);
    }

    @Test
    void overdueIsEmittedOncePerPeriodEvenWithTwoReplicasWatching() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        plan(caseId, 7);
        as(SUPPORTER).body(notMet(caseId, SUPPORTER, daysAgo(10))).when().post("/api/v1/visits").then().statusCode(201);
        LocalDate today = LocalDate.now(TOKYO);

        // two replicas run the watch at the same moment against the same database
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(() -> watch.check(today), () -> watch.check(today));
            for (Future<Integer> run : replicas.invokeAll(runs)) {
                run.get();
            }
        } finally {
            replicas.shutdownNow();
        }
        watch.check(today);
        watch.check(today.plusDays(1));

        List<EventReader.Record> overdue = EventReader.read("visit-events",
                        all -> all.stream().anyMatch(r -> caseId.equals(r.key()) && "visit.overdue.v1".equals(r.header("ce_type"))),
                        Duration.ofSeconds(20)).stream()
                .filter(r -> caseId.equals(r.key()) && "visit.overdue.v1".equals(r.header("ce_type"))).toList();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).value()).containsPattern("\"intervalsMissed\":\\s*1").containsPattern("\"notMetStreak\":\\s*1");

        // a further interval later it is reported again, as the next level
        watch.check(today.plusDays(8));
        assertThat(EventReader.forSubject("visit-events", caseId, 3, Duration.ofSeconds(20)).stream()
                .filter(r -> "visit.overdue.v1".equals(r.header("ce_type"))).toList()).hasSize(2);
    }
}
