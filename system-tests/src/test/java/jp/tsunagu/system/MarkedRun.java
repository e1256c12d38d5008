package jp.tsunagu.system;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.local.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * One full run of the system with a marker in every free-text field the contract has: a case
 * opened (names in kanji and kana, the consultant's and household's names, summary, address,
 * interests, health), assessed, planned, moved, a crisis plan, a crisis reported (the alert
 * acknowledged), a concern, a consultation, a conference, a visit plan and a visit, consent and two
 * referrals (one answered by the agency's system, by phone and with notes, one cancelled), an
 * inbound referral from the police; e-mail goes to GreenMail and the agency's webhook to a receiver
 * this run keeps. Every read of sensitive content it makes is kept with its request id.
 */
final class MarkedRun {

    static final String TOKYO_SUPPORTER_1 = "1b0a4c1e-0001-4a6f-9a51-000000000001";
    static final String TOKYO_PEER = "1b0a4c1e-0004-4a6f-9a51-000000000004";
    static final String HEALTH_CENTER = "tokyo-health-center";
    static final String POLICE = "tokyo-police";
    static final String SUPERVISOR_ADDRESS = "tokyo-supervisor@example.invalid";

    /** A read made in the run: the service, its request id, what was read by whom, and the answer. */
    record Read(Service service, String requestId, String what, String body) {
    }

    final Markers markers = new Markers();
    final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    final List<Read> reads = new ArrayList<>();
    final String supporter = Logins.password("tokyo-supporter-1");
    final String supervisor = Logins.password("tokyo-supervisor");
    final String peer = Logins.password("tokyo-peer");
    final String health = Logins.clientCredentials("agency-" + HEALTH_CENTER);
    final String police = Logins.clientCredentials("agency-" + POLICE);
    private final String runId = java.util.UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger readSeq = new AtomicInteger();
    String caseId;
    String subjectKana;
    String referralId;
    String cancelledId;
    String inboundId;
    String visitId;
    String consultationId;
    String conferenceId;
    private int mailsBefore;

    static RequestSpecification as(String token, Service service) {
        return given().auth().oauth2(token).contentType("application/json").baseUri(RunningSystem.get().url(service));
    }

    /** Runs the whole flow and waits until its events, notifications, mails and webhooks have arrived. */
    static MarkedRun drive() {
        MarkedRun run = new MarkedRun();
        HttpServer receiver = run.webhookReceiver();
        try {
            run.directory(receiver.getAddress().getPort());
            run.mailsBefore = Mailboxes.count(RunningSystem.get().layout(), SUPERVISOR_ADDRESS);
            run.caseWork();
            run.visitWork();
            run.referralWork();
            run.awaitEverythingArrived();
            run.sensitiveReads();
        } finally {
            receiver.stop(0);
        }
        return run;
    }

    private HttpServer webhookReceiver() {
        try {
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.createContext("/webhooks/privacy", exchange -> {
                StringBuilder text = new StringBuilder();
                exchange.getRequestHeaders().forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
                text.append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                webhookBodies.add(text.toString());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both demo agencies in the directory, the health center's webhook pointing at this run's receiver. */
    private void directory(int port) {
        String admin = Logins.password("tsunagu-admin");
        String secret = "whsec_" + Base64.getEncoder().encodeToString("privacy-scan-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> webhook = Map.of("url", "http://127.0.0.1:" + port + "/webhooks/privacy", "secret", secret);
        for (String[] agency : List.of(new String[] {HEALTH_CENTER, "新宿区保健所（テスト）", "PUBLIC_HEALTH_CENTER"},
                new String[] {POLICE, "新宿警察署（テスト）", "POLICE"})) {
            Response existing = as(admin, Service.REFERRAL).when().get("/api/v1/agencies/" + agency[0]);
            boolean withHook = agency[0].equals(HEALTH_CENTER);
            if (existing.statusCode() == 404) {
                Map<String, Object> body = new java.util.HashMap<>(Map.of("id", agency[0], "name", agency[1],
                        "description", "システムテスト用", "kind", agency[2], "municipality", "新宿区",
                        "serviceArea", List.of("新宿区"), "capacity", Map.of("acceptingReferrals", true)));
                if (withHook) {
                    body.put("webhook", webhook);
                }
                as(admin, Service.REFERRAL).body(body).when().post("/api/v1/agencies").then().statusCode(201);
            } else if (withHook) {
                as(admin, Service.REFERRAL).header("If-Match", existing.header("ETag")).body(Map.of("webhook", webhook))
                        .when().patch("/api/v1/agencies/" + agency[0]).then().statusCode(200);
            }
        }
    }

    private void caseWork() {
        Markers m = markers;
        subjectKana = m.kanaName("subject.familyNameKana", 5);
        caseId = as(supporter, Service.CASE).body(Map.of(
                        "intake", Map.of("receivedAt", "2026-10-01T10:00:00+09:00", "channel", "PHONE",
                                "consultant", Map.of("relation", "MOTHER", "name", m.kanjiName("intake.consultant.name", 4)),
                                "summary", m.note("intake.summary")),
                        "subject", Map.of("familyName", m.kanjiName("subject.familyName", 3),
                                "givenName", m.kanjiName("subject.givenName", 3), "familyNameKana", subjectKana,
                                "givenNameKana", m.kanaName("subject.givenNameKana", 5), "birthYear", 1995,
                                "address", m.text("subject.address"), "withdrawalSince", "2019-04",
                                "interests", List.of(m.text("subject.interests"))),
                        "household", List.of(Map.of("relation", "MOTHER", "name", m.kanjiName("household.name", 4),
                                "health", m.note("household.health"), "keyPerson", true,
                                "relationshipWithSubject", "GOOD"))))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String c = "/api/v1/cases/" + caseId;
        as(supervisor, Service.CASE).header("If-Match", "\"0\"").body(Map.of("members", List.of(
                        Map.of("kind", "STAFF", "userId", TOKYO_SUPPORTER_1, "role", "PRIMARY"),
                        Map.of("kind", "PEER_SUPPORTER", "userId", TOKYO_PEER, "role", "PEER"))))
                .when().put(c + "/team").then().statusCode(200);
        as(supporter, Service.CASE).body(Map.ofEntries(Map.entry("assessedOn", today().toString()),
                        Map.entry("developmentalHistory", m.note("assessment.developmentalHistory")),
                        Map.entry("withdrawalDegree", "STAYS_IN_ROOM"),
                        Map.entry("mentalState", Map.of("notes", m.note("assessment.mentalState.notes"),
                                "suspectedUntreatedIllness", true)),
                        Map.entry("intellectualDisabilitySuspected", false),
                        Map.entry("familyRelations", m.note("assessment.familyRelations")),
                        Map.entry("familyCondition", m.note("assessment.familyCondition")),
                        Map.entry("stigma", m.note("assessment.stigma")),
                        Map.entry("consultationHistory", m.note("assessment.consultationHistory")),
                        Map.entry("familyCapacity", Map.of("level", "WEAK", "notes", m.note("assessment.familyCapacity.notes"))),
                        Map.entry("crisisUrgency", "IMMINENT"), Map.entry("crisisFactors", List.of("SELF_HARM"))))
                .when().post(c + "/assessments").then().statusCode(201);
        as(supporter, Service.CASE).header("If-Match", "\"0\"").body(Map.of("goal", m.note("plan.goal"),
                        "prospect", m.note("plan.prospect"), "homeVisitRole", m.note("plan.homeVisitRole"),
                        "subjectNeeds", m.note("plan.subjectNeeds"), "familyNeeds", m.note("plan.familyNeeds"),
                        "reason", m.note("plan.reason")))
                .when().put(c + "/plan").then().statusCode(201);
        as(supporter, Service.CASE).body(Map.of("to", "ENVIRONMENT", "reason", m.note("phase.reason")))
                .when().post(c + "/phase-transitions").then().statusCode(201);
        as(supporter, Service.CASE).body(Map.of("contacts", List.of(Map.of("name", m.kanjiName("crisisPlan.contact.name", 4),
                                "phone", "03-0000-0000", "when", m.text("crisisPlan.contact.when"))),
                        "instructions", m.note("crisisPlan.instructions"), "sharedWithFamilyOn", today().toString()))
                .when().put(c + "/crisis-plan").then().statusCode(201);
        as(supporter, Service.CASE).body(Map.of("occurredAt", now().minusMinutes(5).toString(), "kinds", List.of("SELF_HARM"),
                        "description", m.note("crisis.description"), "actions", List.of("PUBLIC_HEALTH_CENTER")))
                .when().post(c + "/crises").then().statusCode(201);
        as(supporter, Service.CASE).body(Map.of("kind", "TROUBLE", "category", "FAMILY", "raisedBy", "FAMILY",
                "description", m.note("concern.description"))).when().post(c + "/concerns").then().statusCode(201);
        consultationId = as(supporter, Service.CASE).body(Map.of("occurredAt", now().toString(), "channel", "PHONE",
                        "with", "FAMILY", "relation", "MOTHER", "durationMinutes", 20, "topics", List.of("HOW_TO_RESPOND"),
                        "notes", m.note("consultation.notes")))
                .when().post(c + "/consultations").then().statusCode(201).extract().path("id");
        conferenceId = as(supervisor, Service.CASE).body(Map.of("heldOn", today().toString(),
                        "attendees", Map.of("userIds", List.of(TOKYO_SUPPORTER_1), "agencyIds", List.of()),
                        "subjectNeeds", m.note("conference.subjectNeeds"), "familyNeeds", m.note("conference.familyNeeds"),
                        "decisions", m.note("conference.decisions"), "nextReviewOn", today().plusMonths(3).toString()))
                .when().post(c + "/conferences").then().statusCode(201).extract().path("id");
        as(supporter, Service.CASE).body(Map.of("reason", "MOVED_AWAY", "note", m.note("homeVisitEnd.note")))
                .when().post(c + "/home-visit-end").then().statusCode(200);
        as(supervisor, Service.CASE).body(Map.of("reason", m.note("closure.reason"))).when().post(c + "/closure")
                .then().statusCode(200);
        as(supervisor, Service.CASE).body(Map.of("reason", m.note("reopening.reason"))).when().post(c + "/reopening")
                .then().statusCode(200);
    }

    private void visitWork() {
        Markers m = markers;
        // visit-service learns of the case from case-events: until then the case is unknown to it
        await("visit-service knowing of the case").atMost(Duration.ofSeconds(60)).until(() -> as(supporter, Service.VISIT).body(Map.of("intervalDays", 14,
                        "preferredTime", m.text("visitPlan.preferredTime"), "durationMinutes", 30,
                        "companions", List.of(m.text("visitPlan.companions")),
                        "preparedTopics", List.of(m.text("visitPlan.preparedTopics")), "proposalRoute", "LETTER_VIA_FAMILY"))
                .when().put("/api/v1/cases/" + caseId + "/visit-plan").statusCode() == 201);
        visitId = as(supporter, Service.VISIT).body(Map.ofEntries(Map.entry("caseId", caseId), Map.entry("kind", "HOME"),
                        Map.entry("occurredAt", now().minusHours(1).toString()), Map.entry("durationMinutes", 40),
                        Map.entry("visitors", List.of(Map.of("userId", TOKYO_SUPPORTER_1, "role", "STAFF"),
                                Map.of("userId", TOKYO_PEER, "role", "PEER_SUPPORTER"))),
                        Map.entry("outcome", "MET_FAMILY_ONLY"),
                        Map.entry("leftBehind", List.of(Map.of("kind", "LETTER", "contents", List.of("SUPPORTER_NEWS")))),
                        Map.entry("topics", List.of(m.text("visit.topics"))),
                        Map.entry("nextVisit", Map.of("consent", "NO_EXPLICIT_REFUSAL")),
                        Map.entry("observations", m.note("visit.observations")), Map.entry("notes", m.note("visit.notes"))))
                .when().post("/api/v1/visits").then().statusCode(201).extract().path("id");
    }

    private void referralWork() {
        Markers m = markers;
        String consentId = await("referral-service knowing of the case").atMost(Duration.ofSeconds(60))
                .until(() -> as(supporter, Service.REFERRAL)
                .body(Map.of("grantedBy", "SUBJECT", "agencyIds", List.of(HEALTH_CENTER),
                        "purposes", List.of("BACKUP", "CONSULTATION"), "method", "WRITTEN", "grantedOn", today().toString()))
                .when().post("/api/v1/cases/" + caseId + "/consents"), r -> r.statusCode() == 201).path("id");
        referralId = as(supporter, Service.REFERRAL).body(Map.of("caseId", caseId, "agencyId", HEALTH_CENTER,
                        "purpose", "BACKUP", "reasons", List.of("SUSPECTED_MENTAL_ILLNESS"), "urgency", "URGENT",
                        "sharedSummary", m.note("referral.sharedSummary"), "legalBasis", "CONSENT", "consentId", consentId))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        String p = "/api/v1/partner/referrals/" + referralId;
        as(health, Service.REFERRAL).body(Map.of("status", "ACCEPTED", "note", m.note("partner.status.note")))
                .when().post(p + "/status").then().statusCode(200);
        as(health, Service.REFERRAL).body(Map.of("text", m.note("partner.note.text"))).when().post(p + "/notes")
                .then().statusCode(200);
        String r = "/api/v1/referrals/" + referralId;
        as(supporter, Service.REFERRAL).body(Map.of("channel", "PHONE", "status", "ON_HOLD",
                        "reason", Map.of("code", "OTHER", "text", m.note("agencyAnswer.reason.text")),
                        "note", m.note("agencyAnswer.note")))
                .when().post(r + "/agency-answers").then().statusCode(200);
        as(supporter, Service.REFERRAL).body(Map.of("text", m.note("referral.note.text"))).when().post(r + "/notes")
                .then().statusCode(200);
        cancelledId = as(supporter, Service.REFERRAL).body(Map.of("caseId", caseId, "agencyId", HEALTH_CENTER,
                        "purpose", "CONSULTATION", "reasons", List.of("WELFARE_NEED"), "urgency", "ROUTINE",
                        "sharedSummary", m.note("referral2.sharedSummary"), "legalBasis", "CONSENT", "consentId", consentId))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        as(supporter, Service.REFERRAL).body(Map.of("reason", Map.of("code", "OTHER", "text", m.note("cancellation.reason.text")),
                "note", m.note("cancellation.note"))).when().post("/api/v1/referrals/" + cancelledId + "/cancellation")
                .then().statusCode(200);
        inboundId = as(police, Service.REFERRAL).body(Map.of("centerId", "tokyo", "reasons", List.of("WELFARE_NEED"),
                        "urgency", "ROUTINE", "sharedSummary", m.note("inbound.sharedSummary"),
                        "contactPerson", Map.of("name", m.kanjiName("inbound.contactPerson.name", 4), "relation", "MOTHER",
                                "phone", "03-0000-0001"),
                        "concern", m.note("inbound.concern"), "consentHeld", true, "doNotContactDirectly", true))
                .when().post("/api/v1/partner/referrals").then().statusCode(201).extract().path("id");
    }

    /**
     * The crisis alert in the supervisor's inbox (acknowledged) and mailbox, the webhook of both
     * referrals, the team told of the agency's answers, the visit and referrals in the case's timeline.
     */
    private void awaitEverythingArrived() {
        Map<String, Object> alert = await("the crisis alert in the supervisor's inbox").atMost(Duration.ofSeconds(60))
                .until(() -> notification(supervisor, "CRISIS_ALERT"), Optional::isPresent).orElseThrow();
        as(supervisor, Service.NOTIFICATION).when().post("/api/v1/notifications/" + alert.get("id") + "/acknowledgement")
                .then().statusCode(200);
        await("the agency's answer in the supporter's inbox").atMost(Duration.ofSeconds(60))
                .until(() -> notification(supporter, "REFERRAL_STATUS_CHANGED").isPresent());
        // the agency's system hears of both referrals, and of the second one's cancellation
        await("the agency's webhooks of both referrals").atMost(Duration.ofSeconds(60)).until(() -> webhookBodies.stream().anyMatch(b -> b.contains(referralId))
                && webhookBodies.stream().filter(b -> b.contains(cancelledId)).count() >= 2);
        String alertLink = alert.get("link").toString();
        await("the crisis alert's mail").atMost(Duration.ofSeconds(60)).until(() -> Mailboxes.newestHolding(
                RunningSystem.get().layout(), SUPERVISOR_ADDRESS, mailsBefore, alertLink).isPresent());
        await("the visit and referrals in the case's timeline").atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> kinds = as(supporter, Service.CASE).queryParam("limit", 200).when()
                    .get("/api/v1/cases/" + caseId + "/timeline").then().extract().jsonPath().getList("items.kind");
            return kinds != null && kinds.contains("VISIT_RECORDED") && kinds.stream().filter("REFERRAL_REQUESTED"::equals).count() == 2
                    && kinds.contains("REFERRAL_STATUS_CHANGED");
        });
    }

    private Optional<Map<String, Object>> notification(String token, String kind) {
        JsonPath page = as(token, Service.NOTIFICATION).when().get("/api/v1/notifications?limit=200&kind=" + kind)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(n -> caseId.equals(n.get("caseId"))).findFirst();
    }

    /** The reads of sensitive content a team makes, by each role that may, each with a request id of its own. */
    private void sensitiveReads() {
        String c = "/api/v1/cases/" + caseId;
        for (String[] reader : List.of(new String[] {"supporter", supporter}, new String[] {"supervisor", supervisor})) {
            String token = reader[1];
            for (String path : List.of(c, c + "/assessments", c + "/plan", c + "/plan/revisions", c + "/phase-transitions",
                    c + "/crisis-plan", c + "/crises", c + "/concerns", c + "/consultations",
                    c + "/consultations/" + consultationId, c + "/consultations/" + consultationId + "/revisions",
                    c + "/conferences", c + "/conferences/" + conferenceId, c + "/timeline", c + "/team",
                    "/api/v1/cases?q=" + subjectKana, "/api/v1/cases/changes")) {
                read(Service.CASE, token, reader[0], path);
            }
            for (String path : List.of("/api/v1/visits/" + visitId, "/api/v1/visits?caseId=" + caseId,
                    "/api/v1/visits/" + visitId + "/revisions", c + "/visit-plan", "/api/v1/visits/changes")) {
                read(Service.VISIT, token, reader[0], path);
            }
            for (String path : List.of("/api/v1/referrals/" + referralId, "/api/v1/referrals?caseId=" + caseId,
                    "/api/v1/referrals/" + inboundId, c + "/consents")) {
                read(Service.REFERRAL, token, reader[0], path);
            }
        }
        for (String path : List.of(c, c + "/timeline", "/api/v1/cases/changes")) {
            read(Service.CASE, peer, "peer", path);
        }
        for (String path : List.of("/api/v1/visits/" + visitId, "/api/v1/visits?caseId=" + caseId, c + "/visit-plan")) {
            read(Service.VISIT, peer, "peer", path);
        }
        for (String path : List.of("/api/v1/partner/referrals/" + referralId, "/api/v1/partner/referrals",
                "/api/v1/partner/referrals/changes")) {
            read(Service.REFERRAL, health, "partner-agency", path);
        }
        read(Service.REFERRAL, police, "partner-agency", "/api/v1/partner/referrals/" + inboundId);
    }

    private void read(Service service, String token, String role, String path) {
        String requestId = "privacy-" + runId + "-" + readSeq.incrementAndGet();
        Response response = as(token, service).header("X-Request-Id", requestId).when().get(path);
        if (response.statusCode() == 200) {
            reads.add(new Read(service, requestId, role + " GET " + path, response.asString()));
        } else {
            reads.add(new Read(service, requestId, role + " GET " + path + " -> " + response.statusCode(), ""));
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneId.of("Asia/Tokyo"));
    }
}
