package jp.tsunagu.visits.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.testkit.EventReader;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.visits.VisitFixtures.SUPPORTER;
import static jp.tsunagu.visits.VisitFixtures.as;
import static jp.tsunagu.visits.VisitFixtures.caseWithTeam;
import static jp.tsunagu.visits.VisitFixtures.notMet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A letter left at the door says several things: {@code leftBehind[].contents} is a set; a single
 * value, as clients written before send it, is still accepted; visits stored before the change
 * still read, and the migration rewrites them to the new shape.
 */
@QuarkusTest
class LeftBehindContentsTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final String MIGRATION = "/db/migration/V1_1__left_behind_contents_set.sql";

    @Inject
    DataSource dataSource;

    @Test
    void aLetterSaysSeveralThingsAndTheEventCarriesThemAll() {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> visit = new HashMap<>(notMet(caseId, SUPPORTER, YESTERDAY));
        visit.put("leftBehind", List.of(
                Map.of("kind", "LETTER", "contents", List.of("REQUEST_FOR_HELP", "SUPPORTER_NEWS")),
                Map.of("kind", "LEAFLET", "contents", List.of("WHAT_I_CAN_DO"))));

        String id = as(SUPPORTER).body(visit).when().post("/api/v1/visits").then().statusCode(201)
                .body("leftBehind[0].contents", equalTo(List.of("SUPPORTER_NEWS", "REQUEST_FOR_HELP")))
                .body("leftBehind[1].contents", equalTo(List.of("WHAT_I_CAN_DO")))
                .extract().path("id");

        as(SUPPORTER).when().get("/api/v1/visits/" + id).then().statusCode(200)
                .body("leftBehind[0].contents", equalTo(List.of("SUPPORTER_NEWS", "REQUEST_FOR_HELP")));
        assertThat(EventReader.forSubject("visit-events", caseId, 1, Duration.ofSeconds(20)))
                .singleElement().satisfies(e -> assertThat(e.value().replaceAll("\\s", ""))
                        .contains("\"contents\":[\"SUPPORTER_NEWS\",\"REQUEST_FOR_HELP\"]")
                        .contains("\"contents\":[\"WHAT_I_CAN_DO\"]"));
    }

    @Test
    void aSingleValueIsStillAcceptedAsASetOfOne() {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> visit = new HashMap<>(notMet(caseId, SUPPORTER, YESTERDAY));
        visit.put("leftBehind", List.of(Map.of("kind", "MEMO", "contents", "WHAT_I_CAN_DO")));

        as(SUPPORTER).body(visit).when().post("/api/v1/visits").then().statusCode(201)
                .body("leftBehind[0].contents", equalTo(List.of("WHAT_I_CAN_DO")));
    }

    @Test
    void aLetterSaysAtLeastOneKnownThing() {
        String caseId = caseWithTeam(SUPPORTER);
        Map<String, Object> visit = new HashMap<>(notMet(caseId, SUPPORTER, YESTERDAY));
        visit.put("leftBehind", List.of(Map.of("kind", "LETTER", "contents", List.of())));
        as(SUPPORTER).body(visit).when().post("/api/v1/visits").then().statusCode(400);
        visit.put("leftBehind", List.of(Map.of("kind", "LETTER", "contents", List.of("GOSSIP"))));
        as(SUPPORTER).body(visit).when().post("/api/v1/visits").then().statusCode(400);
    }

    @Test
    void aVisitStoredBeforeTheChangeStillReadsAndTheMigrationRewritesIt() throws Exception {
        String caseId = caseWithTeam(SUPPORTER);
        String id = as(SUPPORTER).body(notMet(caseId, SUPPORTER, YESTERDAY)).when().post("/api/v1/visits")
                .then().statusCode(201).extract().path("id");
        as(SUPPORTER).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("durationMinutes", 15)).when().patch("/api/v1/visits/" + id).then().statusCode(200);
        String old = "[{\"kind\": \"LETTER\", \"contents\": \"REQUEST_FOR_HELP\"}]";
        execute("update visit set left_behind = ?::jsonb where id = ?", old, id);
        execute("update visit_revision set snapshot = jsonb_set(snapshot, '{leftBehind}', ?::jsonb) where visit_id = ?",
                old, id);

        as(SUPPORTER).when().get("/api/v1/visits/" + id + "/revisions").then().statusCode(200)
                .body("current.leftBehind[0].contents", equalTo(List.of("REQUEST_FOR_HELP")))
                .body("items[0].visit.leftBehind[0].contents", equalTo(List.of("REQUEST_FOR_HELP")));

        migrate();
        String rewritten = "[{\"kind\": \"LETTER\", \"contents\": [\"REQUEST_FOR_HELP\"]}]";
        assertThat(query("select left_behind::text from visit where id = ?", id)).isEqualTo(rewritten);
        assertThat(query("select (snapshot -> 'leftBehind')::text from visit_revision where visit_id = ?", id))
                .isEqualTo(rewritten);
        long changeSeq = Long.parseLong(query("select change_seq::text from visit where id = ?", id));
        migrate();
        assertThat(Long.parseLong(query("select change_seq::text from visit where id = ?", id)))
                .as("a second run leaves rewritten rows alone").isEqualTo(changeSeq);
        as(SUPPORTER).when().get("/api/v1/visits/" + id).then().statusCode(200)
                .body("leftBehind[0].contents", equalTo(List.of("REQUEST_FOR_HELP")));
    }

    private void migrate() throws IOException, SQLException {
        String script;
        try (InputStream in = getClass().getResourceAsStream(MIGRATION)) {
            assertThat(in).as(MIGRATION).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    private void execute(String sql, String json, String visitId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, json);
            s.setObject(2, UUID.fromString(visitId));
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }

    private String query(String sql, String visitId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(visitId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
