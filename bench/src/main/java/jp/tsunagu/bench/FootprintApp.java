package jp.tsunagu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.local.ApiClient;
import jp.tsunagu.local.DatabasePassword;
import jp.tsunagu.local.Layout;
import jp.tsunagu.local.Service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An application the footprint bench starts: a service or the bare app (bench/bare-app), its
 * packaged jar, its database and its load, representative requests of a supporter (the first one
 * a GET: the "first real API call" of the start). The services' requests read and write a case of
 * the running system, opened for the bench and known to visit-service.
 */
record FootprintApp(String name, Path module, String database, Optional<Service> service, List<FootprintCall> load) {

    static final String BARE = "bare-app";
    static final String BARE_DATABASE = "bare_app";
    static final String SUPPORTER = "tokyo-supporter-1";

    Path jar() {
        return module.resolve("target/quarkus-app/quarkus-run.jar");
    }

    boolean isBare() {
        return service.isEmpty();
    }

    static FootprintApp bare(Path repository) {
        return new FootprintApp(BARE, repository.resolve("bench/bare-app"), BARE_DATABASE, Optional.empty(),
                List.of(FootprintCall.get("/hello")));
    }

    /** The bare app and the four services, their requests on a case opened now (the supporter's token given). */
    static List<FootprintApp> all(Layout layout, String token) throws Exception {
        String caseId = CrisisAlertLatency.openCase(new ApiClient(layout), token);
        awaitKnownToVisits(layout, caseId);
        String visitor = subject(token);
        Path repository = layout.repository();
        List<FootprintApp> apps = new ArrayList<>();
        apps.add(bare(repository));
        apps.add(service(repository, Service.CASE, List.of(
                FootprintCall.get("/api/v1/cases?limit=20"),
                FootprintCall.get("/api/v1/cases/" + caseId),
                FootprintCall.get("/api/v1/cases/" + caseId + "/timeline"),
                FootprintCall.post("/api/v1/cases", FootprintApp::newCase))));
        apps.add(service(repository, Service.VISIT, List.of(
                FootprintCall.get("/api/v1/visits?caseId=" + caseId),
                FootprintCall.get("/api/v1/cadence"),
                FootprintCall.get("/api/v1/visits?visitor=me"),
                FootprintCall.post("/api/v1/visits", () -> newVisit(caseId, visitor)))));
        apps.add(service(repository, Service.REFERRAL, List.of(
                FootprintCall.get("/api/v1/referrals"),
                FootprintCall.get("/api/v1/agencies"),
                FootprintCall.get("/api/v1/referrals?caseId=" + caseId),
                FootprintCall.get("/hsds/services"))));
        apps.add(service(repository, Service.NOTIFICATION, List.of(
                FootprintCall.get("/api/v1/notifications"),
                FootprintCall.get("/api/v1/notifications/unread-count"),
                FootprintCall.get("/api/v1/preferences"))));
        return apps;
    }

    private static FootprintApp service(Path repository, Service service, List<FootprintCall> load) {
        return new FootprintApp(service.module(), repository.resolve(service.module()), service.database(), Optional.of(service),
                load);
    }

    private static String newCase() {
        return """
                {"intake":{"receivedAt":"%s","channel":"PHONE","consultant":{"relation":"MOTHER"}},
                 "subject":{"familyName":"計測","givenName":"用","familyNameKana":"ケイソク","givenNameKana":"ヨウ",
                            "withdrawalSince":"2020-01"}}""".formatted(OffsetDateTime.now(ZoneId.of("Asia/Tokyo")));
    }

    private static String newVisit(String caseId, String visitor) {
        Instant at = Instant.now().minus(ThreadLocalRandom.current().nextInt(1, 600), ChronoUnit.SECONDS);
        return """
                {"caseId":"%s","kind":"HOME","occurredAt":"%s","durationMinutes":5,
                 "visitors":[{"userId":"%s","role":"STAFF"}],"outcome":"NOT_MET",
                 "leftBehind":[{"kind":"LETTER","contents":["SUPPORTER_NEWS"]}],"notes":"玄関先で母親に手紙を託した"}"""
                .formatted(caseId, at, visitor);
    }

    /** Until visit-service has the case from case-service's events (a visit on it then asks nobody). */
    private static void awaitKnownToVisits(Layout layout, String caseId) throws Exception {
        try (Connection visits = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + layout.postgresPort() + "/"
                + Service.VISIT.database(), "postgres", DatabasePassword.of(layout))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!known(visits, caseId)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("visit-service did not learn of the bench's case within 60 s");
                }
                Thread.sleep(200); // a poll of another process's progress
            }
        }
    }

    private static boolean known(Connection visits, String caseId) throws SQLException {
        try (PreparedStatement query = visits.prepareStatement("select 1 from case_scope where case_id = ?::uuid")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String subject(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }
}
