package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The writes the benches load the services with, as a supporter's client sends them: a home visit
 * that did not meet the person (a letter left), a crisis, a referral on a consent; and what a bench
 * waits for before it writes on a new case.
 */
final class WriteRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Layout layout;

    WriteRequests(Layout layout) {
        this.layout = layout;
    }

    HttpRequest recordVisit(String token, String caseId, String visitor) {
        Instant at = Instant.now().minus(ThreadLocalRandom.current().nextInt(1, 600), ChronoUnit.SECONDS);
        return post(token, Service.VISIT, "/api/v1/visits", """
                {"caseId":"%s","kind":"HOME","occurredAt":"%s","durationMinutes":5,
                 "visitors":[{"userId":"%s","role":"STAFF"}],"outcome":"NOT_MET",
                 "leftBehind":[{"kind":"LETTER","contents":["SUPPORTER_NEWS"]}],"notes":"玄関先で母親に手紙を託した"}"""
                .formatted(caseId, at, visitor));
    }

    HttpRequest reportCrisis(String token, String caseId) {
        return post(token, Service.CASE, "/api/v1/cases/" + caseId + "/crises", """
                {"occurredAt":"%s","kinds":["SELF_HARM"],"actions":["OTHER"],"description":"自傷の恐れ"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.MINUTES)));
    }

    /** A routine backup referral to Tokyo's public health center, on the case's consent for it. */
    HttpRequest refer(String token, String caseId, String consentId) {
        return post(token, Service.REFERRAL, "/api/v1/referrals", """
                {"caseId":"%s","agencyId":"tokyo-health-center","purpose":"BACKUP","reasons":["SUSPECTED_MENTAL_ILLNESS"],
                 "urgency":"ROUTINE","sharedSummary":"20代女性。体調不良を訴えるが受診を拒否。母親が保健所の精神保健福祉相談を希望。",
                 "legalBasis":"CONSENT","consentId":"%s"}""".formatted(caseId, consentId));
    }

    private HttpRequest post(String token, Service service, String path, String body) {
        return HttpRequest.newBuilder(URI.create(layout.serviceUrl(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** The token's user id ({@code sub}), as the services see the caller. */
    static String subject(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** Until the service of {@code database} has every case from case-service's events (a write then asks nobody). */
    static void awaitKnown(Connection database, List<String> cases) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(database, "select count(*) from case_scope where case_id = any (?::uuid[])", cases) < cases.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a service did not learn of the new cases within 60 s");
            }
            Thread.sleep(200); // a poll of another process's progress, not a wait for time to pass
        }
    }

    static long count(Connection database, String sql, List<String> cases) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(sql)) {
            query.setArray(1, database.createArrayOf("text", cases.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
